import { describe, expect, it } from 'vitest';
import { fontSentence, fontUsage } from '../../../renderer/src/components/FontNotice';

/** The fonts the official layouts name (shared/export/page.ts defaults). */
const FONTS = {
  title: { name: '方正小标宋简体', fallbacks: ['华文中宋', '宋体'] },
  subtitle: { name: '楷体_GB2312', fallbacks: ['楷体', 'KaiTi'] },
  unit: { name: '楷体_GB2312', fallbacks: ['楷体', 'KaiTi'] },
  table: { name: '仿宋_GB2312', fallbacks: ['仿宋', 'FangSong'] },
  pageNumber: { name: '宋体', fallbacks: ['SimSun'] },
};

/** A plain Chinese Windows 10: the system faces, none of the GB2312 or 方正 ones. */
const WINDOWS_10 = ['SimSun', 'NSimSun', 'FangSong', 'KaiTi', 'SimHei', 'Microsoft YaHei', 'Arial'];
/** UOS 20 out of the box (fontconfig names). */
const UOS = ['Noto Sans CJK SC', 'Noto Serif CJK SC', 'WenQuanYi Micro Hei', 'DejaVu Sans'];

describe('which face each official font uses', () => {
  it('on a plain Windows: the GB2312 faces fall back to 仿宋 / 楷体 under their Latin names', () => {
    const usage = fontUsage(FONTS, WINDOWS_10);
    expect(usage).toEqual([
      { name: '方正小标宋简体', used: 'SimSun', installed: false },
      { name: '楷体_GB2312', used: 'KaiTi', installed: false },
      { name: '仿宋_GB2312', used: 'FangSong', installed: false },
      { name: '宋体', used: 'SimSun', installed: true },
    ]);
    expect(fontSentence(usage[2]!, 'print')).toBe('「仿宋_GB2312」未安装，打印使用「FangSong」');
    expect(fontSentence(usage[3]!, 'print')).toBe('「宋体」已安装');
    expect(fontSentence(usage[2]!, 'export')).toBe(
      '「仿宋_GB2312」本机未安装，在本机显示为「FangSong」',
    );
  });

  it('on UOS: the Noto serif face stands in; with the fonts copied in, they are used', () => {
    expect(fontUsage(FONTS, UOS).map((entry) => entry.used)).toEqual([
      'Noto Serif CJK SC',
      'Noto Serif CJK SC',
      'Noto Serif CJK SC',
      'Noto Serif CJK SC',
    ]);
    const withFonts = fontUsage(FONTS, [...UOS, '仿宋_GB2312', 'FZXiaoBiaoSong-B05S']);
    expect(withFonts.filter((entry) => entry.installed).map((entry) => entry.name)).toEqual([
      '方正小标宋简体',
      '仿宋_GB2312',
    ]);
  });

  it('says the default font is used when nothing matches, case-insensitively otherwise', () => {
    const usage = fontUsage(FONTS, ['simsun']);
    expect(usage[0]).toEqual({ name: '方正小标宋简体', used: 'SimSun', installed: false });
    const bare = fontUsage(FONTS, []);
    expect(bare.every((entry) => entry.used === null)).toBe(true);
    expect(fontSentence(bare[0]!, 'print')).toBe('「方正小标宋简体」未安装，打印使用系统默认字体');
  });
});
