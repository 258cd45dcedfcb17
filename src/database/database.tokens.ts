/** Injection tokens of the database module. */
export const DATABASE = Symbol('DATABASE');
