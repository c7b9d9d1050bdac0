const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,47}$/;

/** The schema a store uses when none is given. */
export const DEFAULT_SCHEMA = 'strive';

/**
 * Checks a schema name and returns it: lowercase letters, digits and underscores, at most 48
 * characters, not starting with a digit. Identifiers cannot be bound parameters, so this check is
 * what keeps the schema name safe to splice into SQL. Throws on a bad name (a programmer error). Pure.
 * @example validateSchemaName('strive_test_1') // 'strive_test_1'
 */
export const validateSchemaName = (schema: string): string => {
  if (!SCHEMA_NAME.test(schema))
    throw new Error(
      `store-postgres: schema "${schema}" must match ${String(SCHEMA_NAME)} (lowercase letters, digits, _)`,
    );
  return schema;
};

/** The NOTIFY channel on which a schema's appends are announced. Pure. */
export const appendChannel = (schema: string): string => `${schema}_appended`;
