// Hard case 10 of DESIGN.md "Extraction", second half: page furniture that names the actors,
// even in headlines of other articles, claims nothing.

import { describe, it } from '@jest/globals';
import { expectClaims, extract } from './extraction.fixture.js';

describe('10. page furniture claims nothing', () => {
  it('id: "Baca juga" lines, "Lebih banyak berita terkait Rusia" and "Artikel ini disediakan oleh" footers', () => {
    const claim = 'Kremlin membantah pengiriman tentara Korea Utara ke Rusia.';
    const text = [
      claim,
      'Baca juga: NATO konfirmasi tentara Korea Utara di Kursk',
      'Putin bertemu Kim Jong Un di Pyongyang.',
      'Lebih banyak berita terkait Rusia',
      'Zelensky tuduh Korea Utara kirim pasukan ke Rusia',
      'Artikel ini disediakan oleh penyedia konten pihak ketiga.',
    ].join('\n');
    expectClaims(extract(text, '2024-10-25', 'id'), [{ actor: 'russia', stance: 'deny', sentence: claim, saidOn: ['2024-10-25', '2024-10-25', 'day'] }]);
  });

  it('id: a German template around an Indonesian article ("Weiterlesen", "Kommentare")', () => {
    const claim = 'Pyongyang mengonfirmasi pengerahan pasukan Korea Utara ke Rusia.';
    const text = `${claim}\n\n16 Ansichten\n\nWeiterlesen\n\nKommentare\nNATO konfirmasi tentara Korea Utara di Kursk`;
    expectClaims(extract(text, '2025-04-29', 'id'), [{ actor: 'dprk', stance: 'confirm', sentence: claim, saidOn: ['2025-04-29', '2025-04-29', 'day'] }]);
  });

  it('en: "Read more" lines and a "Related articles" tail', () => {
    const claim = 'The Kremlin denied sending North Korean troops to Russia.';
    const text = [
      claim,
      'Read more: NATO confirms North Korean troops in Kursk',
      'Putin met Kim Jong Un in Pyongyang.',
      'Related articles',
      'Zelensky accuses North Korea of sending troops to Russia',
    ].join('\n');
    expectClaims(extract(text, '2024-10-25', 'en'), [{ actor: 'russia', stance: 'deny', sentence: claim, saidOn: ['2024-10-25', '2024-10-25', 'day'] }]);
  });

  it('id and en: North Korean troops in another story (the inter-Korean border) claim nothing on this watch', () => {
    const id = 'Militer Korea Selatan mengatakan pasukan Korea Utara melintasi garis demarkasi militer pada Selasa. Pyongyang membantah laporan tersebut.';
    const en = "South Korea's military said North Korean soldiers crossed the demarcation line on Tuesday. Pyongyang denied the report.";
    expectClaims(extract(id, '2024-10-25', 'id'), []);
    expectClaims(extract(en, '2024-10-25', 'en'), []);
  });

  it('en: a distractor article that names every actor but the proposition claims nothing', () => {
    const text =
      'Russian Foreign Minister Sergei Lavrov met his North Korean counterpart in Moscow on Friday. ' +
      'Lavrov praised the very close ties between the two countries. ' +
      'NATO Secretary General Mark Rutte said the alliance would keep supporting Ukraine. ' +
      'South Korea denied that it would send weapons to Kyiv.';
    expectClaims(extract(text, '2024-11-01', 'en'), []);
  });
});
