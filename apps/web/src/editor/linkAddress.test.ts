import { describe, expect, it } from 'vitest';
import { linkAddress } from './linkAddress.js';

describe('linkAddress', () => {
  it('completes what people type: a site gets https://, an e-mail address mailto:', () => {
    expect(linkAddress('  exemple.fr ')).toEqual({ ok: true, href: 'https://exemple.fr/' });
    expect(linkAddress('www.tzcld.fr/la-methode')).toEqual({ ok: true, href: 'https://www.tzcld.fr/la-methode' });
    expect(linkAddress('contact@mairie-lens.fr')).toEqual({ ok: true, href: 'mailto:contact@mairie-lens.fr' });
    expect(linkAddress('http://intranet.exemple.fr/plan?v=2#budget')).toEqual({ ok: true, href: 'http://intranet.exemple.fr/plan?v=2#budget' });
  });

  it('refuses an empty address, another scheme, and words that are no address', () => {
    expect(linkAddress('   ')).toEqual({ ok: false, error: 'Indiquez l’adresse du lien.' });
    for (const typed of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'ftp://exemple.fr', 'plan de communication', 'localhost']) {
      expect(linkAddress(typed), typed).toEqual({ ok: false, error: 'Indiquez une adresse web (https://exemple.fr) ou une adresse e-mail.' });
    }
  });
});
