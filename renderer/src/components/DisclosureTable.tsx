import { getFramework, level1Label, level2Label } from '../../../shared/frameworks';
import {
  documentAmounts,
  formatMoney,
  projectAmounts,
  renderValue,
  unitAmounts,
  type JixiaoDocument,
  type Project,
  type RowAmounts,
} from '../../../shared/model';

const COLUMNS = [
  '项目名称（资金使用单位）',
  '总计',
  '财政拨款',
  '财政专户拨款',
  '其他资金',
  '绩效目标',
  '绩效指标',
];

function MoneyCells({ amounts }: { amounts: RowAmounts }) {
  return (
    <>
      {[amounts.total, amounts.fiscal, amounts.specialAccount, amounts.other].map(
        (value, index) => (
          <td key={index} className="money">
            {formatMoney(value, { blankZero: true })}
          </td>
        ),
      )}
    </>
  );
}

function Indicators({ project, frameworkId }: { project: Project; frameworkId: string }) {
  const framework = getFramework(frameworkId);
  return (
    <ol className="indicators">
      {project.indicators.map((indicator) => (
        <li key={indicator.id}>
          <span className="category">
            {level1Label(framework, indicator.level1)}；
            {level2Label(framework, indicator.level1, indicator.level2)}
          </span>
          ；<span className="indicator-name">{indicator.name}</span>；实施周期指标值：
          {renderValue(indicator.period)}；年度指标值：{renderValue(indicator.annual)}。
        </li>
      ))}
    </ol>
  );
}

/**
 * The disclosure table (read-only view): 合计, unit rows and project rows, totals derived live.
 * One `<tbody>` per funding unit.
 */
export function DisclosureTable({ document }: { document: JixiaoDocument }) {
  return (
    <table className="disclosure">
      <colgroup>
        <col className="col-name" />
        <col className="col-money" span={4} />
        <col className="col-goal" />
        <col className="col-indicators" />
      </colgroup>
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
        <tr className="total-row">
          <th scope="row">合计</th>
          <MoneyCells amounts={documentAmounts(document)} />
          <td />
          <td />
        </tr>
      </thead>
      {document.units.map((unit) => (
        <tbody key={unit.id}>
          <tr className="unit-row">
            <th scope="row">{unit.name}</th>
            <MoneyCells amounts={unitAmounts(unit)} />
            <td />
            <td />
          </tr>
          {unit.projects.map((project) => (
            <tr key={project.id} className="project-row">
              <th scope="row">{project.name}</th>
              <MoneyCells amounts={projectAmounts(project)} />
              <td className="goal">{project.goals.annual}</td>
              <td>
                <Indicators project={project} frameworkId={document.frameworkId} />
              </td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
