import type { DatasetKind } from '../dataset-kind.js';
import { field, idNumber, legalRepIdNumber, legalRepName, uscc } from '../common-fields.js';

/**
 * Administrative penalties by any enforcement agency, including police public-security
 * penalties (治安管理处罚). The party is a person (`id_number`) or an organisation (`uscc`).
 * The fields follow the 双公示 publication format (行政相对人名称, 行政相对人类别...).
 */
export const administrativePenalty: DatasetKind = {
  id: 'administrative_penalty',
  name: '行政处罚',
  agency: '各行政执法机关、公安局',
  description:
    '行政处罚（含治安管理处罚）决定，含当事人身份证号或统一社会信用代码、处罚种类、决定日期和处罚机关。与社区矫正对象碰撞，发现应提请撤销缓刑、假释的情形。',
  fields: [
    field('decision_no', '处罚决定书文号', 'code', [
      '处罚决定书文号',
      '行政处罚决定书文号',
      '行政处罚决定文书号',
      '处罚决定书编号',
      '决定书文号',
      '决定文书号',
      '处罚文号',
      '文书号',
    ]),
    field('case_name', '案件名称', 'text', ['案件名称', '案名', '处罚事项']),
    field(
      'party_name',
      '当事人',
      'text',
      [
        '当事人',
        '当事人名称',
        '当事人姓名',
        '行政相对人',
        '行政相对人名称',
        '相对人名称',
        '被处罚人',
        '被处罚单位',
        '处罚对象',
        '违法行为人',
        '违法主体',
      ],
      true,
    ),
    field('party_type', '行政相对人类别', 'text', ['行政相对人类别', '当事人类型', '相对人类型', '主体类型']),
    idNumber({ label: '当事人身份证号', extra: ['当事人身份证号', '当事人证件号码', '行政相对人证件号码', '被处罚人身份证号'] }),
    uscc({ label: '当事人统一社会信用代码', extra: ['行政相对人统一社会信用代码', '当事人统一社会信用代码'] }),
    legalRepName({ withHead: false }),
    legalRepIdNumber(),
    field('penalty_type', '处罚种类', 'text', ['处罚种类', '处罚类别', '处罚类型', '处罚种类名称', '行政处罚种类']),
    field('penalty_content', '处罚内容', 'text', ['处罚内容', '处罚结果', '处罚决定', '处罚决定内容']),
    field('violation', '违法行为', 'text', [
      '违法行为',
      '违法行为类型',
      '违法行为名称',
      '违法事实',
      '主要违法事实',
      '违法类型',
      '案由',
    ]),
    field('legal_basis', '处罚依据', 'text', ['处罚依据', '法律依据']),
    field('amount', '罚款金额', 'money', ['罚款金额', '罚款', '罚款数额', '罚没金额', '罚没款金额', '金额']),
    field('confiscated_amount', '没收违法所得金额', 'money', [
      '没收违法所得金额',
      '没收违法所得',
      '没收金额',
      '没收违法所得、没收非法财物的金额',
    ]),
    field('detention_days', '拘留天数', 'integer', ['拘留天数', '行政拘留天数']),
    field(
      'decision_date',
      '处罚决定日期',
      'date',
      ['处罚决定日期', '处罚日期', '处罚时间', '决定日期', '作出处罚决定日期', '作出决定日期', '处罚决定书日期'],
      true,
    ),
    field('authority', '处罚机关', 'org_name', [
      '处罚机关',
      '处罚机关名称',
      '作出处罚决定机关',
      '处罚单位',
      '执法机关',
      '执法单位',
      '实施机关',
      '决定机关',
    ]),
  ],
};
