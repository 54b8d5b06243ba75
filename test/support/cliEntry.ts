// Runs the chitieu command from source (for tests that need pdf.js, an ES module jest cannot load).
import { main } from "../../src/cli/main";

main();
