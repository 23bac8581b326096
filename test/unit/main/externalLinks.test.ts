import { describe, expect, it } from 'vitest';
import { EXTERNAL_LINKS, isAllowedExternal } from '../../../electron/main/externalLinks';

describe('external links', () => {
  it('allows none today: the app links to no web page', () => {
    expect(EXTERNAL_LINKS).toEqual([]);
    expect(isAllowedExternal('https://www.mof.gov.cn/')).toBe(false);
  });

  it('would open only https pages under an allowed prefix', () => {
    const allowed = ['https://www.mof.gov.cn/zhengwuxinxi/'];
    expect(isAllowedExternal('https://www.mof.gov.cn/zhengwuxinxi/a.htm', allowed)).toBe(true);
    for (const refused of [
      'http://www.mof.gov.cn/zhengwuxinxi/a.htm',
      'https://www.mof.gov.cn/other/',
      'https://www.mof.gov.cn.evil.example/zhengwuxinxi/',
      'https://www.mof.gov.cn@evil.example/zhengwuxinxi/',
      'https://user:pw@www.mof.gov.cn/zhengwuxinxi/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAllowedExternal(refused, allowed), refused).toBe(false);
    }
  });
});
