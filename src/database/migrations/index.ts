import { InitialSchema1795847995736 } from './1795847995736-InitialSchema';
import { CasesOutboxAudit1795848883659 } from './1795848883659-CasesOutboxAudit';
import { Workflow1795851046608 } from './1795851046608-Workflow';
import { FundingLedger1795851141809 } from './1795851141809-FundingLedger';
import { ListAndRoutingIndexes1795855000000 } from './1795855000000-ListAndRoutingIndexes';
import { AuditAppendFunction1795856000000 } from './1795856000000-AuditAppendFunction';
import { AuditChainAtCommit1795857000000 } from './1795857000000-AuditChainAtCommit';
import { ResourceVersions1796465428531 } from './1796465428531-ResourceVersions';
import { FundingEntryReason1796466082827 } from './1796466082827-FundingEntryReason';
import { SearchPartsOfWords1796466101513 } from './1796466101513-SearchPartsOfWords';
import { CaseKoppel1796466956990 } from './1796466956990-CaseKoppel';
import { QueueSortsAndPriorityRaises1796467023376 } from './1796467023376-QueueSortsAndPriorityRaises';
import { CalendarDesignatedDays1796468680541 } from './1796468680541-CalendarDesignatedDays';
import { CaseClock1796468750545 } from './1796468750545-CaseClock';
import { UserTokenVersion1796469170730 } from './1796469170730-UserTokenVersion';
import { BenefitShares1796470000000 } from './1796470000000-BenefitShares';
import { FundingTotals1796471000000 } from './1796471000000-FundingTotals';
import { CofundingAndPledgeExpiry1796472000000 } from './1796472000000-CofundingAndPledgeExpiry';
import { SecondFactorAndApiClients1796476325141 } from './1796476325141-SecondFactorAndApiClients';
import { Documents1796477000000 } from './1796477000000-Documents';
import { EuThresholds1796478000000 } from './1796478000000-EuThresholds';
import { AuditLog1796480000000 } from './1796480000000-AuditLog';
import { WebSessions1796481000000 } from './1796481000000-WebSessions';
import { OidcIdentities1796482000000 } from './1796482000000-OidcIdentities';
import { SavedViews1796490000000 } from './1796490000000-SavedViews';
import { Signals1796500000000 } from './1796500000000-Signals';
import { DeliveriesSurviveADay1796510000000 } from './1796510000000-DeliveriesSurviveADay';
import { ManagementReportIndexes1796519000000 } from './1796519000000-ManagementReportIndexes';
import { BulkActions1796530000000 } from './1796530000000-BulkActions';
import { UsersByUnit1796540000000 } from './1796540000000-UsersByUnit';
import { CaseLinks1796550000000 } from './1796550000000-CaseLinks';
import { ActorChangeNotifications1796570000000 } from './1796570000000-ActorChangeNotifications';
import { AuditChainedIndex1796580000000 } from './1796580000000-AuditChainedIndex';
import { ManagementReportCounters1796590000000 } from './1796590000000-ManagementReportCounters';
import { CounterRefreshGenericPlans1796600000000 } from './1796600000000-CounterRefreshGenericPlans';
import { OpenDeadlinesIndex1796610000000 } from './1796610000000-OpenDeadlinesIndex';
import { SearchIndexesWithoutPendingList1796620000000 } from './1796620000000-SearchIndexesWithoutPendingList';

/**
 * Every migration, in order. A generated migration is added here by hand after it has been
 * read and finished (see docs/development.md).
 */
export const MIGRATIONS: (new () => object)[] = [
  InitialSchema1795847995736,
  CasesOutboxAudit1795848883659,
  Workflow1795851046608,
  FundingLedger1795851141809,
  ListAndRoutingIndexes1795855000000,
  AuditAppendFunction1795856000000,
  AuditChainAtCommit1795857000000,
  ResourceVersions1796465428531,
  FundingEntryReason1796466082827,
  SearchPartsOfWords1796466101513,
  CaseKoppel1796466956990,
  QueueSortsAndPriorityRaises1796467023376,
  CalendarDesignatedDays1796468680541,
  CaseClock1796468750545,
  UserTokenVersion1796469170730,
  BenefitShares1796470000000,
  FundingTotals1796471000000,
  CofundingAndPledgeExpiry1796472000000,
  SecondFactorAndApiClients1796476325141,
  Documents1796477000000,
  EuThresholds1796478000000,
  AuditLog1796480000000,
  WebSessions1796481000000,
  OidcIdentities1796482000000,
  SavedViews1796490000000,
  Signals1796500000000,
  DeliveriesSurviveADay1796510000000,
  ManagementReportIndexes1796519000000,
  BulkActions1796530000000,
  UsersByUnit1796540000000,
  CaseLinks1796550000000,
  ActorChangeNotifications1796570000000,
  AuditChainedIndex1796580000000,
  ManagementReportCounters1796590000000,
  CounterRefreshGenericPlans1796600000000,
  OpenDeadlinesIndex1796610000000,
  SearchIndexesWithoutPendingList1796620000000,
];
