/** The naming template: what it accepts, how a name splits into its parts, and suggestions that always conform. */
import { describe, expect, it } from 'vitest';
import { matchName, parseNameTemplate, slugWords, suggestKeyName } from '../../../../main/core/posture/index';

const envWords = new Set(['prod', 'production', 'staging', 'stage', 'dev', 'development']);

describe('key name templates', () => {
  it('refuses unknown, repeated or missing placeholders', () => {
    expect(parseNameTemplate('{team}-{owner}')).toBeNull();
    expect(parseNameTemplate('{env}-{env}')).toBeNull();
    expect(parseNameTemplate('static-name')).toBeNull();
    expect(parseNameTemplate('{team}.{env}.{purpose}')).not.toBeNull();
  });

  it('splits a conforming name; only the purpose holds several words', () => {
    const template = parseNameTemplate('{team}-{env}-{purpose}')!;
    expect(matchName(template, 'search-prod-nightly-indexer')).toEqual({
      team: 'search',
      env: 'prod',
      purpose: 'nightly-indexer',
    });
    expect(matchName(template, 'Search-prod-indexer')).toBeNull();
    expect(matchName(template, 'search-prod')).toBeNull();
    // Literal dots are literal, not "any character".
    expect(matchName(parseNameTemplate('{team}.{env}.{purpose}')!, 'searchXprodXindexer')).toBeNull();
  });

  it('suggests names that match their own template, whatever the current name', () => {
    for (const text of ['{team}-{env}-{purpose}', '{env}_{purpose}', 'key-{purpose}-{team}']) {
      const template = parseNameTemplate(text)!;
      for (const name of ['', '   ', 'Ünïcödé Bot!!', "Ann's key", 'prod', 'a--b__c', '\u202Eevil'])
        for (const envToken of ['prod', null]) {
          const suggestion = suggestKeyName(template, name, {
            workspaceName: 'Data Science Production',
            envToken,
            envWords,
            fallbackTeam: 'acme',
          });
          expect(template.regex.test(suggestion), `${text} ${name} → ${suggestion}`).toBe(true);
        }
    }
  });

  it('makes words of any text', () => {
    expect(slugWords("Zoë's  Laptop (old)")).toEqual(['zoes', 'laptop', 'old']);
  });
});
