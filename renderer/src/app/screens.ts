import type { ComponentType } from 'react';
import { Overview } from '../screens/overview/Overview.js';
import { RegisterScreen } from '../screens/register/RegisterScreen.js';
import { AssessmentScreen } from '../screens/assessment/AssessmentScreen.js';
import { ChainRiskScreen } from '../screens/chain/ChainRiskScreen.js';
import { GapsScreen } from '../screens/gaps/GapsScreen.js';
import { ReportsScreen } from '../screens/reports/ReportsScreen.js';
import { LifecycleScreen } from '../screens/lifecycle/LifecycleScreen.js';
import { AuditScreen } from '../screens/audit/AuditScreen.js';
import { AuthoritiesScreen } from '../screens/authorities/AuthoritiesScreen.js';
import { PortfolioScreen } from '../screens/portfolio/PortfolioScreen.js';
import { ActionsScreen } from '../screens/actions/ActionsScreen.js';
import { CalendarScreen } from '../screens/calendar/CalendarScreen.js';
import { PermitDataScreen } from '../screens/permits/PermitDataScreen.js';

/** The screens, in navigation order; the id is the URL hash (#/register) and the i18n key (nav.<id>). */
export const SCREENS: ReadonlyArray<{ id: string; component: ComponentType }> = [
  { id: 'overview', component: Overview },
  { id: 'register', component: RegisterScreen },
  { id: 'assessment', component: AssessmentScreen },
  { id: 'chain', component: ChainRiskScreen },
  { id: 'gaps', component: GapsScreen },
  { id: 'actions', component: ActionsScreen },
  { id: 'calendar', component: CalendarScreen },
  { id: 'permits', component: PermitDataScreen },
  { id: 'reports', component: ReportsScreen },
  { id: 'lifecycle', component: LifecycleScreen },
  { id: 'audit', component: AuditScreen },
  { id: 'authorities', component: AuthoritiesScreen },
  { id: 'portfolio', component: PortfolioScreen },
];
