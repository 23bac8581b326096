import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { decodeEntities, escapeMarkup } from '../../../shared/text/markup';

const HOSTILE = `<script>alert("x")</script> & 'AT&T' 目标 < 5小时 &amp;lt; 😀`;

describe('one escaper for every writer', () => {
  it('leaves no markup character and drops the control characters XML forbids', () => {
    const escaped = escapeMarkup(`${HOSTILE}\u0001\u0007\t\n`);
    expect(escaped).not.toMatch(/[<>"']/u);
    expect(escaped).not.toMatch(/&(?!#\d+;)/u);
    expect(escaped.endsWith('😀\t\n')).toBe(true);
  });

  it('reads back as typed in XML (element and attribute) and through the decoder', () => {
    const escaped = escapeMarkup(HOSTILE);
    const xml = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(`<a b="${escaped}">${escaped}</a>`, 'text/xml');
    expect(xml.documentElement?.textContent).toBe(HOSTILE);
    expect(xml.documentElement?.getAttribute('b')).toBe(HOSTILE);
    expect(decodeEntities(escaped)).toBe(HOSTILE);
  });
});

describe('one entity decoder for every reader', () => {
  it('decodes named, decimal and hexadecimal references in one pass', () => {
    expect(decodeEntities('A&amp;B&nbsp;&ldquo;好&rdquo;&#60;&#x3e;&#20320;')).toBe('A&B “好”<>你');
    expect(decodeEntities('&amp;lt;')).toBe('&lt;');
  });

  it('keeps what is not an entity as written', () => {
    expect(decodeEntities('&foo; &#0; &#x110000; AT&T & 5')).toBe('&foo; &#0; &#x110000; AT&T & 5');
  });
});
