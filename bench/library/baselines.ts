import { orgKeySql } from '../../src/rules/compiler/fuzzy-key.js';
import type { SqlParams } from '../../src/warehouse/warehouse.js';

/**
 * The questions of the heaviest library models, hand-written as natural DuckDB SQL over the
 * warehouse tables (what an expert would type), returning one row per lead subject. The library
 * bench materialises each beside the compiled model and prints the ratio; lead counts must agree.
 * The defaults of each model's parameters are written in.
 */
export interface Baseline {
  readonly sql: string;
  readonly parameters: (asOf: string) => SqlParams;
}

const EXEMPT_PROJECT =
  '学校|小学|中学|幼儿园|医院|卫生院|养老|福利院|孤儿院|保障性住房|安居工程|公租房|廉租房|棚户区改造|军事|农田水利|土地整治|高标准农田|农村供水|饮水安全|水土流失治理|污水处理|垃圾处理|自建房';

/** A blank cell: import makes it NULL and trims text, so an expert tests no more than that (as the compiler does). */
const blank = (col: string): string => `coalesce(${col}, '') = ''`;

export const BASELINES: Readonly<Record<string, Baseline>> = {
  // Approvals without 耕地占用税 paid between the approval and the deadline (notice + 30 days, or
  // approval + 60 days without a notice), by credit code or by fuzzy name.
  farmland_tax: {
    sql: `
      WITH tax AS (
        SELECT uscc, ${orgKeySql('taxpayer_name')} AS name_key, paid_date
        FROM data.tax_payment WHERE contains(tax_type, '耕地占用')
      ),
      land AS (
        SELECT approval_no, applicant_name, applicant_uscc, ${orgKeySql('applicant_name')} AS name_key, approval_date,
               CASE WHEN notice_date IS NULL THEN approval_date + 60 ELSE notice_date + 30 END AS deadline
        FROM data.land_use_approval
        WHERE NOT coalesce(regexp_matches(farmland_area, '^0+(\\.0+)?(平方米|亩|公顷|㎡)?$'), false)
          AND NOT coalesce(regexp_matches(land_use, '军事|学校|小学|中学|大学|幼儿园|教育用地|社会福利|福利院|养老院|敬老院|医院|卫生院|医疗卫生用地|农田水利')
                        OR regexp_matches(project_name, '军事|学校|小学|中学|大学|幼儿园|教育用地|社会福利|福利院|养老院|敬老院|医院|卫生院|医疗卫生用地|农田水利'), false)
          AND NOT coalesce(is_temporary, false)
      )
      SELECT DISTINCT approval_no, applicant_name FROM land
      WHERE deadline < CAST($1 AS DATE)
        AND NOT EXISTS (SELECT 1 FROM tax WHERE tax.uscc = land.applicant_uscc AND tax.paid_date BETWEEN land.approval_date AND land.deadline)
        AND NOT EXISTS (SELECT 1 FROM tax WHERE tax.name_key = land.name_key AND tax.paid_date BETWEEN land.approval_date AND land.deadline)`,
    parameters: (asOf) => [asOf],
  },

  // Transfers of wage-arrears cases more than 3 days old (owing ≥ ¥5,000 or unstated) with no
  // police registration: not under the case number given, nor against the employer (fuzzy name)
  // or its legal representative (ID number) for a wage charge filed from 30 days before the
  // transfer on; registrations marked 不予立案/不立案 do not count.
  wage_arrears_transfer: {
    sql: `
      WITH reg AS (
        SELECT case_no, ${orgKeySql('suspect_org_name')} AS org_key, suspect_id_number, filed_date,
               (${blank('charge')} OR regexp_matches(coalesce(charge, ''), '劳动报酬|欠薪|工资')
                 OR regexp_matches(coalesce(case_name, ''), '劳动报酬|欠薪|工资')) AS wage_charge
        FROM data.police_case_registration
        WHERE NOT coalesce(regexp_matches(status, '不予立案|不立案'), false)
      )
      SELECT DISTINCT transfer_no FROM data.labour_transfer t
      WHERE t.transfer_date <= CAST($1 AS DATE) AND date_diff('day', t.transfer_date, CAST($1 AS DATE)) > 3
        AND (t.amount_owed IS NULL OR t.amount_owed >= 5000)
        AND NOT EXISTS (SELECT 1 FROM reg WHERE reg.case_no = t.police_case_no)
        AND NOT EXISTS (SELECT 1 FROM reg WHERE reg.wage_charge AND reg.org_key = ${orgKeySql('t.employer_name')} AND t.transfer_date <= reg.filed_date + 30)
        AND NOT EXISTS (SELECT 1 FROM reg WHERE reg.wage_charge AND reg.suspect_id_number = t.legal_rep_id_number AND t.transfer_date <= reg.filed_date + 30)`,
    parameters: (asOf) => [asOf],
  },

  // Guests under 18 at check-in with no guardian phone and no parent in the room, or sharing a
  // room with someone whose relationship was not recorded.
  hotel_minors: {
    sql: `
      WITH c AS (
        SELECT hotel_code, id_number, guardian_phone, companion_relation, companion_id_number, companion_name,
               CAST(checkin_time AS DATE) AS d, strptime(substr(id_number, 7, 8), '%Y%m%d')::DATE AS birth
        FROM data.hotel_checkin WHERE id_number IS NOT NULL
      )
      SELECT DISTINCT hotel_code, id_number FROM c
      WHERE date_diff('year', birth, d) - CASE WHEN strftime(d, '%m%d') < strftime(birth, '%m%d') THEN 1 ELSE 0 END < 18
        AND ((${blank('guardian_phone')} AND NOT coalesce(regexp_matches(companion_relation, '父|母|爸|妈|爷|奶|外公|外婆|姥|监护'), false))
          OR ((NOT ${blank('companion_id_number')} OR NOT ${blank('companion_name')}) AND ${blank('companion_relation')}))`,
    parameters: () => [],
  },

  // Permits issued since 2021-11-01, more than 28 days ago, with no deposit by the contractor
  // (credit code, or fuzzy name) from 60 days before to 28 days after the issue date.
  wage_deposit: {
    sql: `
      WITH d AS (
        SELECT contractor_uscc, ${orgKeySql('contractor_name')} AS name_key, deposit_date FROM data.wage_deposit
      )
      SELECT DISTINCT permit_no FROM data.construction_permit p
      WHERE issue_date >= DATE '2021-11-01' AND issue_date + 28 < CAST($1 AS DATE)
        AND (NOT ${blank('contractor_uscc')} OR NOT ${blank('contractor_name')})
        AND NOT EXISTS (SELECT 1 FROM d WHERE d.contractor_uscc = p.contractor_uscc AND d.deposit_date BETWEEN p.issue_date - 60 AND p.issue_date + 28)
        AND NOT EXISTS (SELECT 1 FROM d WHERE d.name_key = ${orgKeySql('p.contractor_name')} AND d.deposit_date BETWEEN p.issue_date - 60 AND p.issue_date + 28)`,
    parameters: (asOf) => [asOf],
  },
  // Court documents served by public notice (公告) on a company the business register shows active
  // with a phone or an address, matched by fuzzy name; registered no later than the service.
  enterprise_notice_service: {
    sql: `
      WITH biz AS (
        SELECT uscc, ${orgKeySql('org_name')} AS name_key, registered_date FROM data.business_registration
        WHERE regexp_matches(status, '存续|在业|在营|开业|正常') AND (NOT ${blank('phone')} OR NOT ${blank('address')})
      )
      SELECT DISTINCT s.case_no, b.uscc
      FROM data.court_service s JOIN biz b ON b.name_key = ${orgKeySql('s.recipient_name')}
      WHERE contains(s.method, '公告') AND (b.registered_date IS NULL OR b.registered_date <= s.service_date)`,
    parameters: () => [],
  },

  // Housing-fund withdrawals for buying or building a home by people who, a year on, have no
  // property registered (nor their spouse) within a year either side; or who, up to 180 days
  // before, were party to a house-sale case settled by mediation within 30 days of filing.
  housing_fund_fraud: {
    sql: `
      WITH w AS (
        SELECT id_number, spouse_id_number, withdrawal_date FROM data.housing_fund_withdrawal
        WHERE NOT ${blank('id_number')} AND regexp_matches(reason, '购房|购买|建造|翻建|大修|自建')
          AND NOT coalesce(regexp_matches(reason, '偿还|贷款|还贷|租房|房租'), false) AND withdrawal_date <= CAST($1 AS DATE)
      ),
      c AS (
        SELECT plaintiff_id_number, defendant_id_number, closed_date FROM data.court_case
        WHERE regexp_matches(cause, '房屋买卖|商品房') AND regexp_matches(closing_method, '调解|司法确认|确认调解协议') AND closed_date - filed_date <= 30
      )
      SELECT DISTINCT id_number FROM w
      WHERE (withdrawal_date <= CAST($1 AS DATE) - 365
             AND NOT EXISTS (SELECT 1 FROM data.property_registration p WHERE p.id_number = w.id_number AND p.registered_date BETWEEN w.withdrawal_date - 365 AND w.withdrawal_date + 365)
             AND NOT EXISTS (SELECT 1 FROM data.property_registration p WHERE p.id_number = w.spouse_id_number AND p.registered_date BETWEEN w.withdrawal_date - 365 AND w.withdrawal_date + 365))
         OR EXISTS (SELECT 1 FROM c WHERE c.plaintiff_id_number = w.id_number AND w.withdrawal_date - c.closed_date BETWEEN 0 AND 180)
         OR EXISTS (SELECT 1 FROM c WHERE c.defendant_id_number = w.id_number AND w.withdrawal_date - c.closed_date BETWEEN 0 AND 180)`,
    parameters: (asOf) => [asOf],
  },
  // Projects started at least 30 days ago, not exempt and not void, with no 水土保持补偿费 paid
  // under the owner's credit code, its name (fuzzy) or the project code.
  soil_water_fee: {
    sql: `
      WITH fee AS (
        SELECT payer_uscc, ${orgKeySql('payer_name')} AS name_key, project_code FROM data.fee_payment WHERE contains(fee_type, '水土保持')
      )
      SELECT DISTINCT project_code, project_name FROM data.construction_project p
      WHERE start_date <= CAST($1 AS DATE) - 30
        AND NOT coalesce(regexp_matches(project_type, '${EXEMPT_PROJECT}') OR regexp_matches(project_name, '${EXEMPT_PROJECT}'), false)
        AND NOT coalesce(regexp_matches(status, '取消|终止|撤销|未开工'), false)
        AND NOT EXISTS (SELECT 1 FROM fee WHERE fee.payer_uscc = p.owner_uscc)
        AND NOT EXISTS (SELECT 1 FROM fee WHERE fee.name_key = ${orgKeySql('p.owner_name')})
        AND NOT EXISTS (SELECT 1 FROM fee WHERE fee.project_code = p.project_code)`,
    parameters: (asOf) => [asOf],
  },
  // Active businesses whose scope (not excluding it) or name says medical beauty, with no valid,
  // not-void licence covering it (or without a stated scope) by credit code or fuzzy name.
  medical_beauty: {
    sql: `
      WITH lic AS (
        SELECT uscc, ${orgKeySql('org_name')} AS name_key FROM data.medical_institution
        WHERE (valid_until IS NULL OR valid_until >= CAST($1 AS DATE))
          AND NOT coalesce(regexp_matches(status, '注销|吊销|撤销|停业|过期|失效'), false)
          AND (${blank('scope')} OR regexp_matches(scope, '医疗美容|美容外科|美容皮肤|美容牙科|美容中医|整形外科'))
      )
      SELECT DISTINCT uscc FROM data.business_registration b
      WHERE ((contains(business_scope, '医疗美容')
              AND NOT coalesce(regexp_matches(business_scope, '不含医疗美容|非医疗美容|除医疗美容|医疗美容除外|不得从事医疗美容|不得开展医疗美容'), false))
             OR regexp_matches(org_name, '医疗美容|医美|整形'))
        AND regexp_matches(status, '存续|在业|在营|开业|正常')
        AND NOT EXISTS (SELECT 1 FROM lic WHERE lic.uscc = b.uscc)
        AND NOT EXISTS (SELECT 1 FROM lic WHERE lic.name_key = ${orgKeySql('b.org_name')})`,
    parameters: (asOf) => [asOf],
  },
  // Public-housing tenants with a current lease who owe six months' rent or more, or own a car
  // (not a motorbike, tricycle, low-speed or disabled vehicle, and still registered), a property
  // not deregistered, or a business that is not a sole trader and not closed.
  public_rental_housing: {
    sql: `
      SELECT DISTINCT id_number FROM data.public_housing_tenant t
      WHERE NOT ${blank('id_number')}
        AND (lease_start IS NULL OR lease_start <= CAST($1 AS DATE))
        AND (lease_end IS NULL OR lease_end >= CAST($1 AS DATE))
        AND NOT coalesce(regexp_matches(status, '退租|已退出|腾退|已腾退|终止|解除|清退'), false)
        AND (months_owed >= 6
          OR EXISTS (SELECT 1 FROM data.vehicle_registration c WHERE c.id_number = t.id_number
                       AND NOT coalesce(regexp_matches(c.vehicle_type, '摩托|三轮|低速|残疾人'), false)
                       AND NOT coalesce(regexp_matches(c.status, '注销|报废|转出|灭失|被盗抢'), false))
          OR EXISTS (SELECT 1 FROM data.property_registration p WHERE p.id_number = t.id_number
                       AND p.deregistered_date IS NULL AND p.registered_date <= CAST($1 AS DATE))
          OR EXISTS (SELECT 1 FROM data.business_registration b WHERE b.legal_rep_id_number = t.id_number
                       AND NOT coalesce(contains(b.entity_type, '个体'), false)
                       AND NOT coalesce(regexp_matches(b.status, '注销|吊销|撤销'), false)))`,
    parameters: (asOf) => [asOf],
  },
  // Assessments of a minor or serious injury (not negated, not from traffic, work or accident
  // causes) issued 30 days or more before the run date, whose injured person is the victim of no
  // registration filed from 365 days before the assessment on, and whose case number has no
  // registration; registrations marked 不予立案/不立案 do not count.
  personal_injury_filing: {
    sql: `
      WITH reg AS (
        SELECT case_no, victim_id_number, filed_date FROM data.police_case_registration
        WHERE NOT coalesce(regexp_matches(status, '不予立案|不立案'), false)
      )
      SELECT DISTINCT id_number FROM data.injury_assessment i
      WHERE regexp_matches(injury_degree, '轻伤|重伤')
        AND NOT coalesce(regexp_matches(injury_degree, '未达|未构成|不构成|不属于|轻微伤'), false)
        AND NOT coalesce(regexp_matches(injury_cause, '交通事故|车祸|工伤|生产安全事故|意外|自伤|自残|跌倒|摔伤|医疗'), false)
        AND assessment_date <= CAST($1 AS DATE) - 30
        AND NOT EXISTS (SELECT 1 FROM reg WHERE reg.victim_id_number = i.id_number AND reg.filed_date >= i.assessment_date - 365)
        AND NOT EXISTS (SELECT 1 FROM reg WHERE reg.case_no = i.case_no)`,
    parameters: (asOf) => [asOf],
  },
};
