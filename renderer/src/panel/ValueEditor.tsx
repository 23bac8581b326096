import {
  COMMON_UNITS,
  parseValue,
  renderValue,
  SIGNS,
  type IndicatorValue,
  type Sign,
} from '../../../shared/model';
import { zhCN } from '../i18n/zh-CN';
import { CommitField } from './CommitField';
import './valueEditor.css';

const text = zhCN.panel;

/** Keys that choose a sign on the sign's drop-down (its options are full-width or ≥ / ≤). */
const KEY_SIGNS: Readonly<Record<string, Sign>> = { '>': '＞', '<': '＜', '=': '＝' };
/** `=` right after `>` or `<` on the drop-down: `>=` is ≥, `<=` is ≤. */
const OR_EQUAL: Readonly<Record<string, Sign>> = { '>': '≥', '<': '≤' };

/** The last sign key typed on a drop-down, and when. */
const lastSignKey = new WeakMap<HTMLSelectElement, { key: string; at: number }>();

/** A value typed with its sign in front (`≥100人次`, `>=95%`): the sign goes to its box. */
const LEADING_SIGN = /^\s*(?:[≥≤≧≦＞＜＝]|[<>]=?|=)/u;

/**
 * On the sign's drop-down, a character that is no sign starts the value: the clerk who Tabs
 * from the name and types `100` means the value (the list's type-ahead swallowed the digits).
 * The focus moves to the value box during the key, so the character lands there.
 */
function signKeyDown(
  event: React.KeyboardEvent<HTMLSelectElement>,
  choose: (sign: Sign) => void,
): void {
  if (event.ctrlKey || event.altKey || event.metaKey || event.key.length !== 1) return;
  const list = event.currentTarget;
  const before = lastSignKey.get(list);
  lastSignKey.delete(list);
  const sign = KEY_SIGNS[event.key];
  if (sign) {
    event.preventDefault();
    const joined =
      event.key === '=' && before && performance.now() - before.at < 1000
        ? OR_EQUAL[before.key]
        : undefined;
    choose(joined ?? sign);
    lastSignKey.set(list, { key: event.key, at: performance.now() });
    return;
  }
  if (event.key === ' ') return; // opens the list
  // The value box's text is selected, as a Tab into it does: what is typed replaces it.
  const box = list.parentElement?.querySelector<HTMLInputElement>('input.value-input');
  box?.focus({ preventScroll: true });
  box?.select();
}

/** sign + value + unit of one indicator value; the printed form shows what exporters print. */
export function ValueEditor({
  value,
  label,
  field,
  owner,
  onChange,
}: {
  value: IndicatorValue;
  label: string;
  /** The indicator's id (see CommitField's `owner`). */
  owner?: string;
  /** The document field, where find reveals a match: `indicator.period` or `indicator.annual`. */
  field?: string;
  onChange: (value: IndicatorValue) => boolean | void;
}) {
  const qualitative = value.sign === '定性';
  return (
    <span
      className="value-editor"
      data-field={field}
      title={value.text !== undefined ? `原文：${value.text}` : undefined}
    >
      <select
        aria-label={`${label}${text.sign}`}
        value={value.sign}
        onChange={(event) =>
          onChange({ ...value, sign: event.target.value as IndicatorValue['sign'] })
        }
        onKeyDown={(event) => signKeyDown(event, (sign) => onChange({ ...value, sign }))}
      >
        {SIGNS.map((sign) => (
          <option key={sign} value={sign}>
            {sign === '' ? '（无）' : sign}
          </option>
        ))}
      </select>
      <CommitField
        className="value-input"
        label={`${label}${text.value}`}
        value={value.value}
        owner={owner}
        onCommit={(next) => {
          if (!LEADING_SIGN.test(next)) return onChange({ ...value, value: next.trim() });
          const typed = parseValue(next);
          // A qualitative text keeps no unit from before (hidden, it came back with a sign).
          const unit = typed.sign === '定性' ? '' : typed.unit || value.unit;
          return onChange({ ...value, sign: typed.sign, value: typed.value, unit });
        }}
      />
      {qualitative ? null : (
        <CommitField
          className="unit-input"
          label={`${label}${text.unit}`}
          list="common-units"
          value={value.unit}
          owner={owner}
          onCommit={(next) => onChange({ ...value, unit: next.trim() })}
        />
      )}
      <span className="printed" aria-hidden="true">
        {renderValue(value)}
      </span>
    </span>
  );
}

/** The shared list of common units offered by every unit field. */
export function CommonUnits() {
  return (
    <datalist id="common-units">
      {COMMON_UNITS.map((unit) => (
        <option key={unit} value={unit} />
      ))}
    </datalist>
  );
}
