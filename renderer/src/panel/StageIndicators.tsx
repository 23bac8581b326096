import { memo } from 'react';
import type { IndicatorStageField } from '../../../shared/edit';
import { indicatorStageText } from '../../../shared/edit';
import { DEVIATION_CAUSES, LIKELIHOODS, renderValue, type Indicator } from '../../../shared/model';
import type { ScoreLine, ScoringGrade } from '../../../shared/scoring';
import { commit } from '../editing';
import { zhCN } from '../i18n/zh-CN';
import { points } from '../stage/figures';
import { CommitField } from './CommitField';

const text = zhCN.stage.panel;

/** The label a field of the n-th indicator carries (screen readers, tests, the focus memory). */
const nth = (index: number, field: string) => text.indicatorLabel(index + 1, field);

interface Props {
  projectId: string;
  indicator: Indicator;
  index: number;
  /** Target fields (三级指标, 年度指标值) may be edited: 目标调整 is unlocked. */
  targetsEditable: boolean;
}

function StageText({
  projectId,
  indicator,
  index,
  field,
  label,
  multiline = false,
  placeholder,
}: Omit<Props, 'targetsEditable'> & {
  field: IndicatorStageField;
  label: string;
  multiline?: boolean;
  placeholder?: string;
}) {
  return (
    <label className="panel-field stage-field">
      <span>{label}</span>
      <CommitField
        label={nth(index, label)}
        field={field}
        multiline={multiline}
        placeholder={placeholder}
        value={indicatorStageText(indicator, field)}
        onCommit={(value) =>
          commit('setIndicatorStage', {
            projectId,
            indicatorId: indicator.id,
            field,
            text: value,
          })
        }
      />
    </label>
  );
}

/** The indicator's target as the table has it: read-only unless 目标调整 is unlocked. */
function TargetLine({ projectId, indicator, index, targetsEditable }: Props) {
  const ids = { projectId, indicatorId: indicator.id };
  const name = zhCN.panel.columns.name;
  const annual = zhCN.panel.columns.annual;
  return (
    <div className="stage-target">
      <span className="stage-category">
        {index + 1}. {[indicator.level1, indicator.level2].filter(Boolean).join(' › ')}
      </span>
      <div className="stage-target-fields">
        <label className="panel-field wide-name">
          <span>{name}</span>
          {targetsEditable ? (
            <CommitField
              label={nth(index, name)}
              field="name"
              value={indicator.name}
              onCommit={(value) =>
                commit('setIndicatorText', { ...ids, field: 'name', text: value })
              }
            />
          ) : (
            <input
              readOnly
              tabIndex={-1}
              aria-label={nth(index, name)}
              title={zhCN.stage.lockedBadge}
              value={indicator.name}
            />
          )}
        </label>
        <label className="panel-field">
          <span>{annual}</span>
          {targetsEditable ? (
            <CommitField
              label={nth(index, annual)}
              field="annual"
              value={renderValue(indicator.annual)}
              onCommit={(value) =>
                commit('setIndicatorText', { ...ids, field: 'annual', text: value })
              }
            />
          ) : (
            <input
              readOnly
              tabIndex={-1}
              aria-label={nth(index, annual)}
              title={zhCN.stage.lockedBadge}
              value={renderValue(indicator.annual)}
            />
          )}
        </label>
      </div>
    </div>
  );
}

/** An indicator's 绩效运行监控 columns. */
export const MonitoringIndicator = memo(function MonitoringIndicator(props: Props) {
  const { projectId, indicator, index } = props;
  const monitoring = indicator.monitoring;
  const ids = { projectId, indicatorId: indicator.id };
  const causes = monitoring?.causes ?? [];
  return (
    <fieldset className="stage-indicator" data-indicator-id={indicator.id}>
      <TargetLine {...props} />
      <div className="panel-grid stage-grid">
        <StageText {...props} field="monitoring.toDate" label={text.toDate} />
        <StageText {...props} field="monitoring.forecast" label={text.forecast} />
        <label className="panel-field">
          <span>{text.likelihood}</span>
          <select
            aria-label={nth(index, text.likelihood)}
            data-field="monitoring.likelihood"
            value={monitoring?.likelihood ?? ''}
            onChange={(event) =>
              commit('setIndicatorStage', {
                ...ids,
                field: 'monitoring.likelihood',
                text: event.target.value,
              })
            }
          >
            <option value="">{text.choose}</option>
            {LIKELIHOODS.map((likelihood) => (
              <option key={likelihood} value={likelihood}>
                {likelihood}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="stage-causes" role="group" aria-label={nth(index, text.causes)}>
        <span className="stage-causes-label">{text.causes}</span>
        {DEVIATION_CAUSES.map((cause) => (
          <label key={cause} className="stage-check">
            <input
              type="checkbox"
              aria-label={nth(index, `偏差原因：${cause}`)}
              checked={causes.includes(cause)}
              onChange={(event) =>
                commit('setIndicatorCauses', {
                  ...ids,
                  causes: event.target.checked
                    ? [...causes, cause]
                    : causes.filter((item) => item !== cause),
                })
              }
            />
            {cause}
          </label>
        ))}
      </div>
      <StageText {...props} field="monitoring.causeText" label={text.causeText} multiline />
      <StageText {...props} field="monitoring.corrective" label={text.corrective} multiline />
    </fieldset>
  );
});

/** An indicator's 自评 columns: 实际完成值 (or the grade), 分值, the computed 得分, the analysis. */
export const EvaluationIndicator = memo(function EvaluationIndicator(
  props: Props & { line: ScoreLine | undefined; grades: readonly ScoringGrade[] },
) {
  const { projectId, indicator, index, line, grades } = props;
  const evaluation = indicator.evaluation;
  const ids = { projectId, indicatorId: indicator.id };
  const graded = line?.method === 'graded';
  return (
    <fieldset className="stage-indicator" data-indicator-id={indicator.id}>
      <TargetLine {...props} />
      <div className="panel-grid stage-grid">
        {graded ? (
          <label className="panel-field">
            <span>{text.grade}</span>
            <select
              aria-label={nth(index, text.grade)}
              data-field="evaluation.grade"
              value={evaluation?.grade ?? ''}
              onChange={(event) =>
                commit('setIndicatorStage', {
                  ...ids,
                  field: 'evaluation.grade',
                  text: event.target.value,
                })
              }
            >
              <option value="">{text.choose}</option>
              {grades.map((grade) => (
                <option key={grade.label} value={grade.label}>
                  {grade.label}（{grade.percent}%）
                </option>
              ))}
            </select>
          </label>
        ) : (
          <StageText {...props} field="evaluation.actual" label={text.actual} />
        )}
        <StageText
          {...props}
          field="evaluation.points"
          label={text.points}
          placeholder={text.pointsPlaceholder(points(line?.points))}
        />
        <label className="panel-field">
          <span>{text.score}</span>
          <output
            className="derived-total stage-score"
            aria-label={nth(index, text.score)}
            title={text.computed}
          >
            {line?.notApplicable ? '—' : points(line?.score) || '—'}
          </output>
        </label>
      </div>
      <label className="stage-check">
        <input
          type="checkbox"
          aria-label={nth(index, text.notApplicable)}
          checked={evaluation?.notApplicable === true}
          onChange={(event) =>
            commit('setIndicatorNotApplicable', { ...ids, notApplicable: event.target.checked })
          }
        />
        {text.notApplicable}
      </label>
      <StageText {...props} field="evaluation.analysis" label={text.analysis} multiline />
    </fieldset>
  );
});
