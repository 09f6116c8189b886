/**
 * Shows data problems: a whole-file error as an alert, item warnings as a collapsed list.
 * The rest of the app keeps working with what was valid.
 */
import { formatDataIssue } from '../data/parse-projects';
import type { DataIssue } from '../domain/types';
import { translate } from '../i18n/translate';
import { useAppStore } from '../state/store-context';

function IssueList({ issues }: { issues: readonly DataIssue[] }) {
  return (
    <ul>
      {issues.map((issue, i) => (
        <li key={i}>{formatDataIssue(issue)}</li>
      ))}
    </ul>
  );
}

export function DataIssues() {
  const lang = useAppStore((s) => s.lang);
  const status = useAppStore((s) => s.dataStatus);
  const issues = useAppStore((s) => s.issues);
  if (!issues.length) return null;
  const errors = status === 'error' ? issues : issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => !errors.includes(i));
  return (
    <div className="data-issues" data-testid="data-issues">
      {errors.length ? (
        <div role="alert" className="data-issues__error">
          <strong>{translate(lang, 'app.dataError')}</strong>
          <IssueList issues={errors} />
        </div>
      ) : null}
      {warnings.length ? (
        <details className="data-issues__warnings">
          <summary>{translate(lang, 'app.dataWarnings', { n: warnings.length })}</summary>
          <IssueList issues={warnings} />
        </details>
      ) : null}
    </div>
  );
}
