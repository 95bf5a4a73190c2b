import { describe, expect, it } from 'vitest';
import { upkeepDue, type AutovacuumSettings, type TableActivity } from './table-upkeep';

/** PostgreSQL 15's defaults. */
const SERVER: AutovacuumSettings = {
  vacuumThreshold: 50,
  vacuumScaleFactor: 0.2,
  insertThreshold: 1000,
  insertScaleFactor: 0.2,
  analyzeThreshold: 50,
  analyzeScaleFactor: 0.1,
};
const quiet: TableActivity = {
  table: 'sms_messages',
  rows: 1_000_000,
  deadRows: 0,
  insertedSinceVacuum: 0,
  modifiedSinceAnalyze: 0,
  options: {},
};

describe('upkeepDue (what autovacuum would do now)', () => {
  it('vacuums past threshold + scale factor x rows of dead rows, not at it', () => {
    expect(upkeepDue({ ...quiet, deadRows: 200_050 }, SERVER)).toBeUndefined();
    expect(upkeepDue({ ...quiet, deadRows: 200_051 }, SERVER)).toBe('vacuum');
  });

  it("reads the table's own settings first (migration 0005's 2% for sms_messages)", () => {
    const options = { autovacuum_vacuum_scale_factor: '0.02', autovacuum_analyze_scale_factor: '0.01' };
    expect(upkeepDue({ ...quiet, options, deadRows: 20_051 }, SERVER)).toBe('vacuum');
    expect(upkeepDue({ ...quiet, options, deadRows: 20_050, modifiedSinceAnalyze: 10_051 }, SERVER)).toBe('analyze');
    expect(upkeepDue({ ...quiet, options, deadRows: 20_050, modifiedSinceAnalyze: 10_050 }, SERVER)).toBeUndefined();
  });

  it('vacuums after inserts alone (a bulk import), unless the insert threshold is -1', () => {
    expect(upkeepDue({ ...quiet, insertedSinceVacuum: 201_001 }, SERVER)).toBe('vacuum');
    expect(upkeepDue({ ...quiet, insertedSinceVacuum: 201_001 }, { ...SERVER, insertThreshold: -1 })).toBeUndefined();
    const off = { autovacuum_vacuum_insert_threshold: '-1' };
    expect(upkeepDue({ ...quiet, options: off, insertedSinceVacuum: 201_001 }, SERVER)).toBeUndefined();
  });

  it('counts a table never analyzed (reltuples -1) as empty: its first rows make it due', () => {
    const fresh = { ...quiet, rows: -1 };
    expect(upkeepDue({ ...fresh, insertedSinceVacuum: 1_001, modifiedSinceAnalyze: 1_001 }, SERVER)).toBe('vacuum');
    expect(upkeepDue({ ...fresh, insertedSinceVacuum: 1_000, modifiedSinceAnalyze: 51 }, SERVER)).toBe('analyze');
  });

  it('leaves a table whose autovacuum_enabled is false alone', () => {
    const options = { autovacuum_enabled: 'false' };
    expect(upkeepDue({ ...quiet, options, deadRows: 900_000, modifiedSinceAnalyze: 900_000 }, SERVER)).toBeUndefined();
  });
});
