import { COMMON_UNITS, renderValue, SIGNS, type IndicatorValue } from '../../../shared/model';
import { zhCN } from '../i18n/zh-CN';
import { CommitField } from './CommitField';
import './valueEditor.css';

const text = zhCN.panel;

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
        onCommit={(next) => onChange({ ...value, value: next.trim() })}
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
