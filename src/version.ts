/** The product version written into every workbook, so the province knows which tool made it. */
export const PRODUCT_VERSION = "0.1.0";
