import { useRef } from 'react';
import {
  projectStageText,
  STAGE_MONEY_PARTS,
  type ProjectStageField,
  type StageAmount,
} from '../../../shared/edit';
import type { JixiaoDocument, Project } from '../../../shared/model';
import { commit } from '../editing';
import { zhCN } from '../i18n/zh-CN';
import {
  amountTotal,
  moneyText,
  points,
  projectScore,
  rateText,
  rulesOf,
  scheduleFor,
} from '../stage/figures';
import { useTargetsEditable } from '../stage/stageState';
import { useAppStore } from '../store';
import { CommitField } from './CommitField';
import { usePanelReveal, usePanelTarget } from './panelReveal';
import { EvaluationIndicator, MonitoringIndicator } from './StageIndicators';
import './stagePanel.css';

const text = zhCN.stage.panel;

function StageField({
  project,
  field,
  label,
  multiline = false,
  placeholder,
  className,
}: {
  project: Project;
  field: ProjectStageField;
  label: string;
  multiline?: boolean;
  placeholder?: string;
  className?: string;
}) {
  return (
    <label className={`panel-field ${className ?? ''}`}>
      <span>{label}</span>
      <CommitField
        label={label}
        field={field}
        multiline={multiline}
        placeholder={placeholder}
        value={projectStageText(project, field)}
        onCommit={(value) =>
          commit('setProjectStage', { projectId: project.id, field, text: value })
        }
      />
    </label>
  );
}

/** 年初预算数 / 全年预算数 / 执行数 by 当年财政拨款, 上年结转, 其他资金, with the derived 合计. */
function MoneyTable({ project, amounts }: { project: Project; amounts: StageAmount[] }) {
  return (
    <table className="stage-money">
      <thead>
        <tr>
          <th scope="col" />
          {STAGE_MONEY_PARTS.map((part) => (
            <th key={part} scope="col">
              {text.parts[part]}
            </th>
          ))}
          <th scope="col">{text.parts.total}</th>
        </tr>
      </thead>
      <tbody>
        {amounts.map((amount) => (
          <tr key={amount}>
            <th scope="row">{text.amount[amount]}</th>
            {STAGE_MONEY_PARTS.map((part) => {
              const field = `${amount}.${part}` as ProjectStageField;
              const label = `${text.amount[amount]}${text.parts[part]}`;
              return (
                <td key={part}>
                  <CommitField
                    label={label}
                    field={field}
                    className="money-input"
                    value={projectStageText(project, field)}
                    onCommit={(value) =>
                      commit('setProjectStage', { projectId: project.id, field, text: value })
                    }
                  />
                </td>
              );
            })}
            <td className="money derived-total">{moneyText(amountTotal(project, amount))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The project's 年度目标 as approved: read-only unless 目标调整 is unlocked. */
function ExpectedGoal({ project, editable }: { project: Project; editable: boolean }) {
  const label = text.goalExpected;
  return (
    <label className="panel-field wide">
      <span>{label}</span>
      {editable ? (
        <CommitField
          label={label}
          field="goals.annual"
          multiline
          value={project.goals.annual}
          onCommit={(value) =>
            commit('setProjectText', { projectId: project.id, field: 'goals.annual', text: value })
          }
        />
      ) : (
        <textarea
          readOnly
          tabIndex={-1}
          rows={3}
          aria-label={label}
          title={zhCN.stage.lockedBadge}
          value={project.goals.annual}
        />
      )}
    </label>
  );
}

/** 年度目标: the approved goal beside what the stage says of it (进展 in 监控, 完成情况 in 自评). */
function GoalSection({
  project,
  editable,
  field,
}: {
  project: Project;
  editable: boolean;
  field: 'monitoring.goalProgress' | 'evaluation.goalActual';
}) {
  return (
    <section className="panel-section">
      <h3>{text.goalHeading}</h3>
      <ExpectedGoal project={project} editable={editable} />
      <StageField
        project={project}
        field={field}
        label={field === 'monitoring.goalProgress' ? text.goalProgress : text.goalActual}
        multiline
        className="wide"
      />
    </section>
  );
}

function MonitoringFields({ document, project }: { document: JixiaoDocument; project: Project }) {
  const editable = useTargetsEditable();
  const line = scheduleFor(document, project.monitoring?.asOf);
  return (
    <>
      <section className="panel-section">
        <h3>{text.moneyHeading(document.moneyUnit)}</h3>
        <div className="panel-grid">
          <StageField
            project={project}
            field="monitoring.asOf"
            label={text.asOf}
            placeholder={text.asOfPlaceholder}
          />
          <div className="panel-field">
            <span>{text.rate}</span>
            <output className="derived-total" aria-label={`截至监控时点${text.rate}`}>
              {rateText(project, 'monitoring.executed') || '—'}
            </output>
            {line ? (
              <small className="muted">{text.schedule(line.month, line.percent)}</small>
            ) : null}
          </div>
        </div>
        <MoneyTable
          project={project}
          amounts={['yearBudget.initial', 'yearBudget.adjusted', 'monitoring.executed']}
        />
      </section>
      <GoalSection project={project} editable={editable} field="monitoring.goalProgress" />
      <section className="panel-section" aria-label={text.indicatorsHeading}>
        <h3>{text.indicatorsHeading}</h3>
        {project.indicators.map((indicator, index) => (
          <MonitoringIndicator
            key={indicator.id}
            projectId={project.id}
            indicator={indicator}
            index={index}
            targetsEditable={editable}
          />
        ))}
      </section>
    </>
  );
}

function EvaluationFields({ document, project }: { document: JixiaoDocument; project: Project }) {
  const editable = useTargetsEditable();
  const score = projectScore(document, project);
  const rules = rulesOf(document);
  return (
    <>
      <div className="stage-total" data-testid="stage-total">
        <span>{text.totalScore}</span>
        <output aria-label={text.totalScore}>
          {score?.total === null || score?.total === undefined
            ? text.totalPending
            : points(score.total)}
        </output>
        {score?.rescaled ? <small className="muted">{text.rescaled}</small> : null}
      </div>
      <section className="panel-section">
        <h3>{text.moneyHeading(document.moneyUnit)}</h3>
        <MoneyTable
          project={project}
          amounts={['yearBudget.initial', 'yearBudget.adjusted', 'evaluation.executed']}
        />
        <div className="panel-grid stage-budget-score">
          <div className="panel-field">
            <span>{text.rate}</span>
            <output className="derived-total" aria-label={`全年${text.rate}`}>
              {rateText(project, 'evaluation.executed') || '—'}
            </output>
          </div>
          <div className="panel-field">
            <span>{text.budgetPoints}</span>
            <output className="derived-total">{points(score?.budget.points)}</output>
          </div>
          <div className="panel-field">
            <span>{text.budgetScoreLabel}</span>
            <output className="derived-total stage-score" aria-label={text.budgetScoreLabel}>
              {points(score?.budget.score) || '—'}
            </output>
          </div>
        </div>
        <StageField
          project={project}
          field="evaluation.budgetAnalysis"
          label={text.budgetAnalysis}
          multiline
          className="wide"
        />
      </section>
      <GoalSection project={project} editable={editable} field="evaluation.goalActual" />
      <section className="panel-section" aria-label={text.indicatorsHeading}>
        <h3>{text.indicatorsHeading}</h3>
        {project.indicators.map((indicator, index) => (
          <EvaluationIndicator
            key={indicator.id}
            projectId={project.id}
            indicator={indicator}
            index={index}
            targetsEditable={editable}
            line={score?.lines[index]}
            grades={rules.grades}
          />
        ))}
      </section>
    </>
  );
}

/** The project panel's body in the 监控 and 自评 stages. */
export function StagePanelBody({
  stage,
  project,
}: {
  stage: 'monitoring' | 'evaluation';
  project: Project;
}) {
  const document = useAppStore((state) => state.current?.document);
  const bodyRef = useRef<HTMLDivElement>(null);
  usePanelReveal(project, bodyRef);
  usePanelTarget(project, bodyRef);
  if (!document) return null;
  return (
    <div className="panel-body stage-panel" data-project-id={project.id} ref={bodyRef}>
      <h3 className="stage-project-name">{project.name}</h3>
      {stage === 'monitoring' ? (
        <MonitoringFields document={document} project={project} />
      ) : (
        <EvaluationFields document={document} project={project} />
      )}
    </div>
  );
}
