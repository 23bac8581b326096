import { useEffect, useState } from 'react';
import { CJK_SERIF_FALLBACKS, fontCandidates } from '../../../shared/export/fontStack';
import type { FontRole, FontSpec } from '../../../shared/export/layout';
import type { InstalledFontList } from '../../../shared/ipc';
import { api } from '../api';
import { zhCN } from '../i18n/zh-CN';

const text = zhCN.fonts;

/** One font a layout names, and what this computer has for it. */
export interface FontUsage {
  name: string;
  /** The face that will be used: the font itself (or an alias), a fallback, or null (default). */
  used: string | null;
  installed: boolean;
}

/** What each font the layout names resolves to, given the installed families (case-insensitive). */
export function fontUsage(
  fonts: Record<FontRole, Pick<FontSpec, 'name' | 'fallbacks'>>,
  families: readonly string[],
): FontUsage[] {
  const have = new Set(families.map((family) => family.toLowerCase()));
  const usages = new Map<string, FontUsage>();
  for (const font of Object.values(fonts)) {
    if (usages.has(font.name)) continue;
    const own = fontCandidates({ name: font.name, fallbacks: [] }).filter(
      (name) => !CJK_SERIF_FALLBACKS.includes(name),
    );
    const used = fontCandidates(font).find((name) => have.has(name.toLowerCase())) ?? null;
    usages.set(font.name, {
      name: font.name,
      used,
      installed: used !== null && own.includes(used),
    });
  }
  return [...usages.values()];
}

/** The sentence for one font, for printing (what prints) or an export (what the file shows here). */
export function fontSentence(usage: FontUsage, purpose: 'print' | 'export'): string {
  if (usage.installed) return text.installed(usage.name);
  if (purpose === 'print') {
    return usage.used ? text.printUses(usage.name, usage.used) : text.printDefault(usage.name);
  }
  return usage.used ? text.exportUses(usage.name, usage.used) : text.exportDefault(usage.name);
}

let installed: Promise<InstalledFontList | null> | null = null;

/** The host's font list, asked once per window (fonts installed later show after a restart). */
function installedFonts(): Promise<InstalledFontList | null> {
  installed ??= api()
    .listFonts()
    .then((result) => (result.ok && result.source !== 'none' ? result : null))
    .catch(() => null);
  return installed;
}

interface FontNoticeProps {
  fonts: Record<FontRole, Pick<FontSpec, 'name' | 'fallbacks'>>;
  purpose: 'print' | 'export';
  /** Shown when the host cannot tell which fonts are installed. */
  fallback?: readonly string[];
}

/** Tells the clerk which of the official fonts this computer has and what is used instead. */
export function FontNotice({ fonts, purpose, fallback = [] }: FontNoticeProps) {
  const [families, setFamilies] = useState<readonly string[] | null>(null);
  useEffect(() => {
    let live = true;
    void installedFonts().then((list) => {
      if (live) setFamilies(list ? list.families : null);
    });
    return () => {
      live = false;
    };
  }, []);
  const usages = families === null ? [] : fontUsage(fonts, families);
  const sentences =
    families === null ? [...fallback] : usages.map((usage) => fontSentence(usage, purpose));
  if (sentences.length === 0) return null;
  const keeps = purpose === 'export' && usages.some((usage) => !usage.installed);
  return (
    <p className="font-note" role="note">
      {text.label}
      {sentences.join('；')}
      {keeps ? `。${text.exportKeeps}` : ''}
    </p>
  );
}
