// The package exports its contrib extensions only through `exports`, which this project's moduleResolution
// ("node") does not read; Node and Vitest resolve the import itself.
declare module '@electric-sql/pglite/contrib/pg_trgm' {
  import type { Extension } from '@electric-sql/pglite';
  export const pg_trgm: Extension;
}
