import { describe, expect, it } from '@jest/globals';
import { deriveInflections, inflect } from './inflections.js';

describe('inflect: English', () => {
  it('adds -s, -ed and -ing, with y -> ies/ied', () => {
    expect(inflect('deny', 'english', 'verb').sort()).toEqual(['denied', 'denies', 'deny', 'denying']);
    expect(inflect('confirm', 'english', 'verb').sort()).toEqual(['confirm', 'confirmed', 'confirming', 'confirms']);
    expect(inflect('stay', 'english', 'verb')).toEqual(expect.arrayContaining(['stays', 'stayed', 'staying']));
  });

  it('drops a silent e before -ed and -ing', () => {
    expect(inflect('blame', 'english', 'verb').sort()).toEqual(['blame', 'blamed', 'blames', 'blaming']);
    expect(inflect('acknowledge', 'english', 'verb')).toEqual(expect.arrayContaining(['acknowledged', 'acknowledging']));
  });

  it('adds -es after a sibilant', () => {
    expect(inflect('dismiss', 'english', 'verb')).toEqual(expect.arrayContaining(['dismisses', 'dismissed', 'dismissing']));
  });

  it('doubles a final consonant after one vowel as well as not, since stress decides', () => {
    expect(inflect('admit', 'english', 'verb')).toEqual(expect.arrayContaining(['admits', 'admitted', 'admitting']));
    expect(inflect('refer', 'english', 'verb')).toEqual(expect.arrayContaining(['referred', 'referring']));
    expect(inflect('visit', 'english', 'verb')).toEqual(expect.arrayContaining(['visited', 'visiting']));
  });

  it('gives a noun its plural only', () => {
    expect(inflect('denial', 'english', 'noun').sort()).toEqual(['denial', 'denials']);
    expect(inflect('accusation', 'english', 'noun').sort()).toEqual(['accusation', 'accusations']);
  });
});

describe('inflect: Indonesian', () => {
  const active = (stem: string) => inflect(stem, 'indonesian', 'verb');

  it('keeps the bare stem for headlines and adds meN- by the first sound', () => {
    expect(active('bantah')).toEqual(expect.arrayContaining(['bantah', 'membantah']));
    expect(active('fitnah')).toContain('memfitnah');
    expect(active('jawab')).toContain('menjawab');
    expect(active('akui')).toContain('mengakui');
    expect(active('hapus')).toContain('menghapus');
    expect(active('laporkan')).toContain('melaporkan');
    expect(active('rilis')).toContain('merilis');
  });

  it('drops a first p, t, s or k after the nasal', () => {
    expect(active('pasok')).toContain('memasok');
    expect(active('tuduh')).toContain('menuduh');
    expect(active('tepis')).toContain('menepis');
    expect(active('sangkal')).toContain('menyangkal');
    expect(active('salahkan')).toContain('menyalahkan');
    expect(active('kirim')).toContain('mengirim');
  });

  it('gives the standard and the common spelling of loanwords and one-syllable stems', () => {
    expect(active('konfirmasi')).toEqual(expect.arrayContaining(['mengonfirmasi', 'mengkonfirmasi']));
    expect(active('klaim')).toEqual(expect.arrayContaining(['mengklaim', 'mengeklaim']));
    expect(active('bom')).toContain('mengebom');
    expect(active('protes')).toContain('memprotes');
    expect(active('klaim')).not.toContain('menglaim');
  });

  it('makes passives with di- and nouns with -an, peN-an and ke-an', () => {
    expect(inflect('bantah', 'indonesian', 'passive')).toEqual(['dibantah']);
    expect(inflect('konfirmasi', 'indonesian', 'passive')).toEqual(['dikonfirmasi']);
    const nouns = inflect('sangkal', 'indonesian', 'noun');
    expect(nouns).toEqual(expect.arrayContaining(['sangkalan', 'penyangkalan']));
    expect(inflect('bantah', 'indonesian', 'noun')).toEqual(expect.arrayContaining(['bantahan', 'pembantahan']));
    expect(inflect('terlibat', 'indonesian', 'noun')).toContain('keterlibatan');
  });
});

describe('deriveInflections: marked words in a lexicon phrase', () => {
  it('replaces each "word+" by its forms and keeps the rest of the syntax', () => {
    expect(deriveInflections('reject+ any? connection|link', 'english', 'verb')).toBe('reject|rejects|rejected|rejecting any? connection|link');
    expect(deriveInflections('blame+|accuse+?', 'english', 'verb')).toBe('blame|blames|blamed|blaming|accuse|accuses|accused|accusing?');
    expect(deriveInflections('tetap bungkam', 'indonesian', 'verb')).toBe('tetap bungkam');
  });

  it('refuses a marker in a pack without morphology, and a bare marker', () => {
    expect(() => deriveInflections('deny+', null, 'verb')).toThrow('"deny+" asks for inflections, but the pack names no morphology');
    expect(() => deriveInflections('+ x', 'english', 'verb')).toThrow('is not a word followed by');
  });
});
