// Phenomena the development set fixtures/eval/dev/iran-missiles-russia found (extract15): the
// agent's deed with the watched thing that is another deed than the watched one. Launching,
// firing or using the thing is no supplying of it, so responsibility taken for that deed does not
// bear on the supply; and a verb of the watched deed whose object is another thing ("sending a
// few tanks") is the same kind of deed on other objects. The sentences are our own, about the
// fictional watch test/fixtures/watches/freedonia-drone-supply.yaml (agent: Freedonia, which the
// watch says supplied attack drones to Sylvania), each in English and Indonesian.

import { describe, expect, it } from '@jest/globals';
import { parseWatch } from '../../watches/domain/watch.js';
import { readFixture, stancePairs } from './extraction.fixture.js';

const PUBLISHED = '2026-06-03';
const supply = parseWatch(readFixture('test/fixtures/watches/freedonia-drone-supply.yaml'), 'freedonia-drone-supply.yaml');
// The same watch with the verbs of sending among its event terms, as a user following the watch
// comments lists them ("sending", "mengirim"): the verb then names the deed whatever its object.
const sending = parseWatch(
  readFixture('test/fixtures/watches/freedonia-drone-supply.yaml').replace('supplied, delivered', 'supplied, sent, sending, delivered').replace('dipasok, dikirim', 'dipasok, mengirim, dikirim'),
  'freedonia-drone-supply.yaml',
);

function pairs(text: string, language: string): string[] {
  return stancePairs(text, PUBLISHED, language, supply);
}

describe('a topic term that is the object of a verb of using the thing (grammar.use_verbs)', () => {
  it('en: responsibility for launching drones is no claim on supplying them; for the supply it is', () => {
    expect(pairs('Freedonia launched about 200 drones at Zedland on Monday night. The Freedonian navy claimed responsibility for the drone attack.', 'en')).toEqual([]);
    expect(pairs('Freedonia fired dozens of drones towards Zedland. Freedonia admitted it was behind the attack.', 'en')).toEqual([]);
    expect(pairs('Freedonia delivered 200 drones to Sylvania in May. The Freedonian navy claimed responsibility for the shipment.', 'en')).toEqual(['freedonia:confirm']);
  });

  it('id: tanggung jawab atas peluncuran drone bukan klaim atas pasokannya; atas pengirimannya ya', () => {
    expect(pairs('Freedonia meluncurkan sekitar 200 drone ke arah Zedland pada Senin malam. Angkatan Laut Freedonia mengaku bertanggung jawab atas serangan drone tersebut.', 'id')).toEqual([]);
    expect(pairs('Freedonia menembakkan puluhan drone ke Zedland. Freedonia mengaku berada di balik serangan itu.', 'id')).toEqual([]);
    expect(pairs('Freedonia mengirim 200 drone ke Sylvania pada bulan Mei. Angkatan Laut Freedonia mengaku bertanggung jawab atas pengiriman tersebut.', 'id')).toEqual(['freedonia:confirm']);
  });

  it('en/id: a party owning the thing used keeps it ("fired Freedonian drones"): whose arms they were may be the deed', () => {
    expect(pairs('Zedland said Sylvania had fired Freedonian drones at its ports.', 'en')).toEqual(['zedland:confirm']);
    expect(pairs('Zedland mengatakan Sylvania telah menembakkan drone Freedonia ke pelabuhannya.', 'id')).toEqual(['zedland:confirm']);
  });
});

describe('a verb of the watched deed after an auxiliary, with a counted other object', () => {
  it('en: "has now sent a small number of tanks" is no confirm of sending drones; "has now sent drones" is', () => {
    expect(stancePairs('Zedland said Freedonia has now sent a small number of tanks to Sylvania.', PUBLISHED, 'en', sending)).toEqual([]);
    expect(stancePairs('Zedland said Freedonia has now sent drones to Sylvania.', PUBLISHED, 'en', sending)).toEqual(['zedland:confirm']);
  });

  it('id: "telah mengirim sejumlah kecil tank" is no confirm of sending drones; "telah mengirim drone" is', () => {
    expect(stancePairs('Zedland mengatakan Freedonia telah mengirim sejumlah kecil tank ke Sylvania.', PUBLISHED, 'id', sending)).toEqual([]);
    expect(stancePairs('Zedland mengatakan Freedonia telah mengirim drone ke Sylvania.', PUBLISHED, 'id', sending)).toEqual(['zedland:confirm']);
  });
});
