import type { ReviewItem } from '../../../shared/model';
import { zhCN } from '../i18n/zh-CN';
import { useAppStore } from '../store';
import './rollForwardReview.css';

const text = zhCN.rollForwardReview;

/** After 复制上年: every year number found in a text, where it is, for the clerk to check. */
export function RollForwardReview({ review, toYear }: { review: ReviewItem[]; toYear: number }) {
  return (
    <aside className="roll-review" aria-labelledby="roll-review-heading">
      <header>
        <h2 id="roll-review-heading">{text.heading(review.length, toYear)}</h2>
        <button type="button" onClick={() => useAppStore.setState({ importFlow: null })}>
          {text.dismiss}
        </button>
      </header>
      <p className="muted">{review.length === 0 ? text.none : text.body}</p>
      <ol>
        {review.map((item, index) => (
          <li key={index} className="review-item">
            <span className="review-year">{item.year}</span>
            <span className="review-where">{item.where.label}</span>
            <span className="review-text">{item.text}</span>
          </li>
        ))}
      </ol>
    </aside>
  );
}
