/**
 * The standard dataset kinds of the catalogue, one file each. The order here is the order
 * {@link listKinds} returns (grouped by the models that use them) and breaks ties in the global
 * alias index.
 */
import type { DatasetKind } from '../dataset-kind.js';
import { adminEnforcementCase } from './admin-enforcement-case.js';
import { administrativePenalty } from './administrative-penalty.js';
import { businessRegistration } from './business-registration.js';
import { communityCorrection } from './community-correction.js';
import { constructionPermit } from './construction-permit.js';
import { constructionProject } from './construction-project.js';
import { courtCase } from './court-case.js';
import { courtService } from './court-service.js';
import { crimeVictim } from './crime-victim.js';
import { deathRegistration } from './death-registration.js';
import { detention } from './detention.js';
import { employee } from './employee.js';
import { enforcementSettlement } from './enforcement-settlement.js';
import { entertainmentVenue } from './entertainment-venue.js';
import { feePayment } from './fee-payment.js';
import { hospitalVisit } from './hospital-visit.js';
import { hotelCheckin } from './hotel-checkin.js';
import { hotel } from './hotel.js';
import { housingFundWithdrawal } from './housing-fund-withdrawal.js';
import { injuryAssessment } from './injury-assessment.js';
import { labourTransfer } from './labour-transfer.js';
import { landUseApproval } from './land-use-approval.js';
import { marriageRegistration } from './marriage-registration.js';
import { medicalInstitution } from './medical-institution.js';
import { medicalInsuranceClaim } from './medical-insurance-claim.js';
import { medicalPractitioner } from './medical-practitioner.js';
import { policeCaseClosure } from './police-case-closure.js';
import { policeCaseRegistration } from './police-case-registration.js';
import { propertyRegistration } from './property-registration.js';
import { prosecutionDecision } from './prosecution-decision.js';
import { publicHousingTenant } from './public-housing-tenant.js';
import { school } from './school.js';
import { socialInsurancePayment } from './social-insurance-payment.js';
import { taxPayment } from './tax-payment.js';
import { tobaccoRetailer } from './tobacco-retailer.js';
import { vehicleRegistration } from './vehicle-registration.js';
import { wageDeposit } from './wage-deposit.js';
import { welfarePayment } from './welfare-payment.js';

export {
  adminEnforcementCase,
  administrativePenalty,
  businessRegistration,
  communityCorrection,
  constructionPermit,
  constructionProject,
  courtCase,
  courtService,
  crimeVictim,
  deathRegistration,
  detention,
  employee,
  enforcementSettlement,
  entertainmentVenue,
  feePayment,
  hospitalVisit,
  hotel,
  hotelCheckin,
  housingFundWithdrawal,
  injuryAssessment,
  labourTransfer,
  landUseApproval,
  marriageRegistration,
  medicalInstitution,
  medicalInsuranceClaim,
  medicalPractitioner,
  policeCaseClosure,
  policeCaseRegistration,
  propertyRegistration,
  prosecutionDecision,
  publicHousingTenant,
  school,
  socialInsurancePayment,
  taxPayment,
  tobaccoRetailer,
  vehicleRegistration,
  wageDeposit,
  welfarePayment,
};

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Every standard kind, frozen so that no caller can change the shared catalogue. */
export const STANDARD_KINDS: readonly DatasetKind[] = deepFreeze([
  // 校园周边治理, 幼儿园名称, 旅馆业接纳未成年人
  school,
  tobaccoRetailer,
  entertainmentVenue,
  hotel,
  hotelCheckin,
  // 水土保持费, 农民工工资保证金
  constructionProject,
  constructionPermit,
  wageDeposit,
  feePayment,
  // 耕地占用税
  landUseApproval,
  taxPayment,
  // 刑事挂案, 立案监督
  policeCaseRegistration,
  policeCaseClosure,
  prosecutionDecision,
  // 法院: 公告送达, 非诉执行和解, 虚假诉讼
  courtCase,
  courtService,
  adminEnforcementCase,
  enforcementSettlement,
  businessRegistration,
  // 司法救助, 医保, 社区矫正
  welfarePayment,
  crimeVictim,
  deathRegistration,
  detention,
  communityCorrection,
  administrativePenalty,
  // 医美, 医保
  medicalInstitution,
  medicalPractitioner,
  medicalInsuranceClaim,
  // 住房公积金, 公租房
  housingFundWithdrawal,
  marriageRegistration,
  propertyRegistration,
  vehicleRegistration,
  publicHousingTenant,
  // 人身伤害立案监督, 强制报告
  hospitalVisit,
  injuryAssessment,
  // 拒不支付劳动报酬, 商超妇女权益
  labourTransfer,
  employee,
  socialInsurancePayment,
]);
