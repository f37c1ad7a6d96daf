import { useTranslation } from 'react-i18next';

/**
 * An empty screen still says where the user is (its heading), what is
 * missing, and the one thing to do next, as a button.
 */
export function EmptyState({ heading, text, action }: { heading: string; text: string; action: { label: string; href: string } }) {
  return (
    <div className="empty-state" data-testid="empty-state">
      <h1>{heading}</h1>
      <p>{text}</p>
      <a className="button primary" href={action.href}>
        {action.label}
      </a>
    </div>
  );
}

/** The empty state of every screen that needs an assessment. */
export function NoAssessment({ heading }: { heading: string }) {
  const { t } = useTranslation();
  return <EmptyState heading={heading} text={t('empty.noAssessment')} action={{ label: t('empty.startAssessment'), href: '#/lifecycle' }} />;
}
