import type { DatasetKind } from '../dataset-kind.js';
import { PHONE_ALIASES, caseNo, court, field } from '../common-fields.js';

/**
 * Service of court documents (送达). Service by public notice (公告送达) is only lawful when
 * the recipient cannot be found or other methods fail (民事诉讼法 art 95).
 */
export const courtService: DatasetKind = {
  id: 'court_service',
  name: '法院送达记录',
  agency: '人民法院',
  description:
    '法院文书送达记录，含案号、受送达人、送达方式（公告送达、直接送达、邮寄送达等）和送达日期。与市场主体登记（地址、电话）碰撞，发现对可联系企业违规公告送达。',
  fields: [
    caseNo({ required: true, court: true }),
    court(),
    field('cause', '案由', 'text', ['案由', '案件案由']),
    field('procedure', '审判程序', 'text', ['审判程序', '适用程序', '审理程序', '程序']),
    field(
      'recipient_name',
      '受送达人',
      'text',
      ['受送达人', '受送达人姓名', '受送达人名称', '受送达人(单位)', '送达对象', '被送达人'],
      true,
    ),
    field('recipient_type', '受送达人类型', 'text', ['受送达人类型', '当事人类型', '主体类型']),
    field('party_role', '诉讼地位', 'text', ['诉讼地位', '当事人地位', '受送达人诉讼地位']),
    // A recipient may be a person or a company, so the certificate number is kept as a code:
    // an ID number for a person, a credit code for an organisation.
    field('recipient_cert_no', '受送达人证件号码', 'code', ['受送达人证件号码', '受送达人证件号', '受送达人证照号码']),
    field('recipient_address', '送达地址', 'address', ['送达地址', '受送达人地址', '送达地点', '地址', '住所地']),
    field('recipient_phone', '受送达人电话', 'phone', [...PHONE_ALIASES, '受送达人电话', '受送达人联系电话']),
    field('method', '送达方式', 'text', ['送达方式', '送达类型', '送达途径'], true),
    field(
      'service_date',
      '送达日期',
      'date',
      ['送达日期', '送达时间', '公告日期', '公告时间', '公告发布日期', '发布日期', '刊登日期', '送达完成日期'],
      true,
    ),
    field('notice_reason', '公告送达原因', 'text', [
      '公告送达原因',
      '公告原因',
      '公告理由',
      '送达情况说明',
      '下落不明原因',
    ]),
    field('document_type', '送达文书', 'text', ['送达文书', '送达文书名称', '文书类型', '文书名称']),
    field('medium', '公告媒体', 'text', ['公告媒体', '公告载体', '刊登媒体', '发布媒体', '公告平台']),
  ],
};
