import { describe, expect, it } from 'vitest';
import { countSegments } from './segments';

describe('countSegments', () => {
  it('fits 160 GSM-7 characters in one segment and splits at 153 after that', () => {
    expect(countSegments('a'.repeat(160))).toBe(1);
    expect(countSegments('a'.repeat(161))).toBe(2);
    expect(countSegments('a'.repeat(306))).toBe(2);
    expect(countSegments('a'.repeat(307))).toBe(3);
  });

  it('counts GSM-7 extension characters as two septets', () => {
    expect(countSegments('€'.repeat(80))).toBe(1);
    expect(countSegments('€'.repeat(81))).toBe(2);
  });

  it('keeps accented letters of the GSM-7 basic table in GSM-7', () => {
    expect(countSegments('é'.repeat(160))).toBe(1);
    expect(countSegments('é'.repeat(161))).toBe(2);
  });

  it('switches the whole message to UCS-2 (70/67) for one non-GSM character', () => {
    expect(countSegments('ł'.repeat(70))).toBe(1);
    expect(countSegments('ł'.repeat(71))).toBe(2);
    expect(countSegments(`${'a'.repeat(160)}ł`)).toBe(3);
    expect(countSegments(`${'a'.repeat(69)}ж`)).toBe(1);
    expect(countSegments(`${'a'.repeat(70)}ж`)).toBe(2);
    expect(countSegments('👍'.repeat(35))).toBe(1);
    expect(countSegments('👍'.repeat(36))).toBe(2);
  });
});
