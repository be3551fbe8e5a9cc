/// <reference types="office-js" />
/** The Office.js the page loaded (the global `Office`); only addin/office/ and the entry points' wiring reach it. */
export function officeGlobal(): typeof Office {
  return Office;
}
