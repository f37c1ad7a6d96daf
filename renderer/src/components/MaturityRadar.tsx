import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, Legend, ResponsiveContainer, Tooltip } from 'recharts';
import { useTranslation } from 'react-i18next';
import { AfterFirstPaint } from './AfterFirstPaint.js';
import type { CriterionResult } from '../../../shared/methodology/assess.js';

/** Final maturity of each applicable criterion against its target; a table follows for non-visual readers. */
export function MaturityRadar({ criteria }: { criteria: readonly CriterionResult[] }) {
  const { t } = useTranslation('overview');
  const data = criteria.filter((c) => c.applicable).map((c) => ({ criterion: c.id, maturity: c.final, target: c.target }));
  return (
    <figure className="radar" aria-label={t('radar.label')}>
      <div style={{ width: '100%', height: 360 }} aria-hidden="true">
        <AfterFirstPaint>
          <ResponsiveContainer>
            <RadarChart data={data} outerRadius="75%" accessibilityLayer={false}>
              <PolarGrid />
              <PolarAngleAxis dataKey="criterion" />
              <PolarRadiusAxis domain={[0, 4]} tickCount={5} angle={90} />
              <Radar name={t('radar.target')} dataKey="target" stroke="#8a3b00" fill="#8a3b00" fillOpacity={0.08} strokeDasharray="4 3" />
              <Radar name={t('radar.maturity')} dataKey="maturity" stroke="#0b5cad" fill="#0b5cad" fillOpacity={0.3} />
              <Legend />
              <Tooltip />
            </RadarChart>
          </ResponsiveContainer>
        </AfterFirstPaint>
      </div>
      <figcaption className="muted">{t('radar.caption')}</figcaption>
    </figure>
  );
}
