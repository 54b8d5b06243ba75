/** A stop decided by the product itself, with a Vietnamese message that says why and what to do: shown as it is. */
export class UserFacingError extends Error {}
