#!/usr/bin/env node
// Makes the fixtures of the importers' tests (test/unit/import-doc.test.ts, import-report.test.ts,
// import-cli.test.ts) in test/fixtures/import/:
//   notice.docx       a 公文 as Word lays it out: 版头 "…文件", the 文号 with square brackets and a
//                     leading zero, a two-line centred bold title, 主送机关, 一、/（一） headings typed as
//                     bold paragraphs, a table with merged cells, an image with alt text, a footnote,
//                     a comment, a text box, an attachment line, the 署名 and 成文日期 right-aligned
//   plain.docx        a document typed without any layout: the title as a plain first line, the date in
//                     Chinese numerals (二〇二三年八月二十日), a 署名 that is not in bodies.yaml, an image
//                     without alt text and a BMP image browsers cannot show, no 文号
//   report-2021-gbk.html  a saved 2021-format report page in GBK, as portals serve it: navigation,
//                     metadata bar, tables with rowspan/colspan, half-width brackets, extra spaces,
//                     full-width digits, a "—" cell, a blank cell, table 3 split in two by a page
//                     break, table 4 as one row of 15 numbers, and a column whose sums do not add up
//   report-2019.html  a 2019-format page (UTF-8): its table 2 columns, （六）其他处理 as one row, the 2019
//                     wording of 五, table 4 as three labelled rows
//   report-2021-copy.txt  the text of a 2021 page copied from a browser: tables as tab-separated lines,
//                     rowspan cells only on their first line, a label wrapped onto a line of its own
// The files are committed; run `node_modules/.bin/node scripts/make-import-fixtures.mjs` only to
// change them (a .docx embeds the time of writing, so each run changes its bytes, not its text).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  FootnoteReferenceRun,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  Textbox,
} from 'docx';
import iconv from 'iconv-lite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'test/fixtures/import');
mkdirSync(outDir, { recursive: true });

// ---- images --------------------------------------------------------------------------------------

/** A PNG of w × h pixels of one colour (RGB), written by hand. */
function png(w, h, [r, g, b]) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3).map((_, i) => [r, g, b][i % 3])]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 24-bit BMP of w × h pixels of one colour (a format Word keeps and browsers do not show in a column). */
function bmp(w, h, [r, g, b]) {
  const rowSize = Math.ceil((w * 3) / 4) * 4;
  const size = 54 + rowSize * h;
  const buf = Buffer.alloc(size);
  buf.write('BM', 0, 'latin1');
  buf.writeUInt32LE(size, 2);
  buf.writeUInt32LE(54, 10);
  buf.writeUInt32LE(40, 14);
  buf.writeInt32LE(w, 18);
  buf.writeInt32LE(h, 22);
  buf.writeUInt16LE(1, 26);
  buf.writeUInt16LE(24, 28);
  buf.writeUInt32LE(rowSize * h, 34);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) buf.set([b, g, r], 54 + y * rowSize + x * 3);
  return buf;
}

// ---- notice.docx ---------------------------------------------------------------------------------

const p = (text, options = {}) => new Paragraph({ children: [new TextRun({ text, ...options.run })], ...options });
const centred = (text, run = {}) => p(text, { alignment: AlignmentType.CENTER, run });
const right = (text) => p(text, { alignment: AlignmentType.RIGHT });
const bold = (text) => new Paragraph({ children: [new TextRun({ text, bold: true })] });
const cell = (text, opts = {}) => new TableCell({ children: [new Paragraph(text)], ...opts });

const notice = new Document({
  creator: 'gongkai',
  comments: {
    children: [
      {
        id: 0,
        author: '审核人',
        date: new Date(Date.UTC(2021, 1, 27)),
        children: [new Paragraph('此处数字请再核对。')],
      },
    ],
  },
  footnotes: { 1: { children: [new Paragraph('政务公开工作要点由县政务公开办公室每年印发。')] } },
  sections: [
    {
      children: [
        centred('示例县人民政府办公室文件', { bold: true, color: 'FF0000', size: 44 }),
        centred('示政办[2021]05号'),
        centred('示例县人民政府办公室关于印发《示例县', { bold: true, size: 44 }),
        centred('2021年政务公开工作要点》的通知', { bold: true, size: 44 }),
        p('各乡镇人民政府，县直各单位：'),
        new Paragraph({
          children: [
            new TextRun('\u3000\u3000《示例县2021年政务公开工作要点》'),
            new FootnoteReferenceRun(1),
            new TextRun('已经县人民政府同意，现印发给你们，请认真贯彻执行。'),
          ],
        }),
        bold('一、工作目标'),
        new Paragraph({
          children: [
            new CommentRangeStart(0),
            new TextRun('全年主动公开政府信息不少于1200条，依申请公开答复率达到100%。'),
            new CommentRangeEnd(0),
            new TextRun({ children: [new CommentReference(0)] }),
          ],
        }),
        bold('（一）完善公开平台'),
        p('按《条例》第二十条设置法定主动公开内容栏目。'),
        new Table({
          rows: [
            new TableRow({ children: [cell('任务', { rowSpan: 2 }), cell('完成时限', { columnSpan: 2 })] }),
            new TableRow({ children: [cell('上半年'), cell('下半年')] }),
            new TableRow({ children: [cell('专栏改版'), cell('6月'), cell('—')] }),
          ],
        }),
        new Paragraph({
          children: [
            new ImageRun({
              type: 'png',
              data: png(4, 2, [200, 30, 30]),
              transformation: { width: 120, height: 60 },
              altText: { name: '图1', title: '', description: '2021年政务公开工作进度示意图' },
            }),
          ],
        }),
        new Textbox({
          alignment: AlignmentType.LEFT,
          style: { width: '200pt', height: 'auto' },
          children: [new Paragraph('联系人：县政务公开办公室 0000-6012345')],
        }),
        p('附件：示例县2021年政务公开工作要点'),
        right('示例县人民政府办公室'),
        right('2021年3月1日'),
        p('（此件公开发布）'),
      ],
    },
  ],
});

// ---- plain.docx ----------------------------------------------------------------------------------

const plain = new Document({
  creator: 'gongkai',
  sections: [
    {
      children: [
        p('示例县教育局关于做好2023年秋季学期学生资助工作的通知'),
        p('各中小学校：'),
        p('为做好2023年秋季学期学生资助工作，现将有关事项通知如下。'),
        p('一、资助对象'),
        p('家庭经济困难学生，优先保障脱贫家庭学生。'),
        new Paragraph({
          children: [
            new ImageRun({ type: 'png', data: png(2, 2, [30, 30, 200]), transformation: { width: 40, height: 40 } }),
          ],
        }),
        new Paragraph({
          children: [
            new ImageRun({
              type: 'bmp',
              data: bmp(2, 2, [30, 200, 30]),
              transformation: { width: 40, height: 40 },
              altText: { name: '流程', title: '', description: '资助申请流程图' },
            }),
          ],
        }),
        p('示例县教育和体育中心'),
        p('二〇二三年八月二十日'),
      ],
    },
  ],
});

// ---- the report pages ------------------------------------------------------------------------------

const NAV = `<div class="header"><a href="/">首页</a> | <a href="/xxgk/">政府信息公开</a> | <a href="/zwdt/">政务动态</a></div>
<div class="crumb">当前位置：首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>`;
const FOOTER = `<div class="footer"><p>主办：示例县人民政府办公室\u3000承办：示例县大数据中心</p><p>网站标识码：9999000001\u3000示ICP备00000000号</p></div>`;

/** Table 2 of the 2021 format, as portals lay it out: each block's heading spans the row. */
const TABLE2_2021 = `<table border="1" cellspacing="0">
<tr><td colspan="4">第二十条第(一)项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>２</td><td>1</td><td> 12 </td></tr>
<tr><td colspan="4">第二十条第(五)项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">1,250</td></tr>
<tr><td colspan="4">第二十条第(六)项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan="3">36</td></tr>
<tr><td>行政强制</td><td colspan="3">—</td></tr>
<tr><td colspan="4">第二十条第(八)项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">58.62</td></tr>
</table>`;

const T3_HEAD = `<tr><td colspan="3" rowspan="2">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业 企业</td><td>科研 机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>`;
const row = (label, values, span = 3) =>
  `<tr><td colspan="${span}">${label}</td>${values.map((v) => `<td>${v}</td>`).join('')}</tr>`;
const sub = (label, values) => `<tr><td>${label}</td>${values.map((v) => `<td>${v}</td>`).join('')}</tr>`;

// 自然人 10 + 2 = 11 + 1; 商业企业 3 = 3; others 0; totals 13 + 2 = 14 + 1
const REPORT_2021 = `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>示例县财政局2021年政府信息公开工作年度报告_示例县人民政府</title></head>
<body>
${NAV}
<div class="article">
<h1 class="title">示例县财政局2021年政府信息公开工作年度报告</h1>
<div class="info">索引号：11999999999900046X/2022-00003\u3000发布机构：示例县财政局\u3000发布时间：2022-01-28 09:30\u3000浏览次数：125</div>
<div class="content">
<p>\u3000\u3000本报告根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。</p>
<p><strong>一、总体情况</strong></p>
<p>(一)主动公开</p>
<p>\u3000\u30002021年，县财政局主动公开政府信息356条。</p>
<p>(二)依申请公开</p>
<p>\u3000\u3000全年新收政府信息公开申请13件，上年结转2件，办结14件，其中予以公开8件。</p>
<p><strong>二、主动公开政府信息情况</strong></p>
${TABLE2_2021}
<p><strong>三、收到和处理政府信息公开申请情况</strong></p>
<table border="1">
${T3_HEAD}
${row('一、本年新收政府信息公开申请数量', [10, 3, 0, 0, 0, 0, 13])}
${row('二、上年结转政府信息公开申请数量', [2, 0, 0, 0, 0, 0, 2])}
<tr><td rowspan="23">三、本年度办理结果</td><td colspan="2">(一)予以公开</td>${[6, 2, 0, 0, 0, 0, 8].map((v) => `<td>${v}</td>`).join('')}</tr>
<tr><td colspan="2">(二)部分公开(区分处理的，只计这一情形，不计其他情形)</td>${[1, 0, 0, 0, 0, 0, 1].map((v) => `<td>${v}</td>`).join('')}</tr>
<tr><td rowspan="8">(三)不予公开</td>${sub('1.属于国家秘密', [0, 0, 0, 0, 0, 0, 0]).slice(4)}
${sub('2.其他法律行政法规禁止公开', [0, 0, 0, 0, 0, 0, 0])}
${sub('3.危及"三安全一稳定"', [0, 0, 0, 0, 0, 0, 0])}
${sub('4.保护第三方合法权益', [1, 0, 0, 0, 0, 0, 1])}
${sub('5.属于三类内部事务信息', [0, 0, 0, 0, 0, 0, 0])}
${sub('6.属于四类过程性信息', [0, 0, 0, 0, 0, 0, 0])}
${sub('7.属于行政执法案卷', [0, 0, 0, 0, 0, 0, 0])}
${sub('8.属于行政查询事项', [0, 0, 0, 0, 0, 0, 0])}
<tr><td rowspan="3">(四)无法提供</td>${sub('1.本机关不掌握相关政府信息', [2, 1, 0, 0, 0, 0, 3]).slice(4)}
${sub('2.没有现成信息需要另行制作', [0, 0, 0, 0, 0, 0, 0])}
${sub('3.补正后申请内容仍不明确', [0, 0, 0, 0, 0, 0, 0])}
</table>
<p>（表格续）</p>
<table border="1">
<tr><td rowspan="5">(五)不予处理</td>${sub('1.信访举报投诉类申请', [0, 0, 0, 0, 0, 0, 0]).slice(4)}
${sub('2.重复申请', [0, 0, 0, 0, 0, 0, 0])}
${sub('3.要求提供公开出版物', [0, 0, 0, 0, 0, 0, 0])}
${sub('4.无正当理由大量反复申请', [0, 0, 0, 0, 0, 0, 0])}
${sub('5.要求行政机关确认或重新出具已获取信息', [0, 0, '', 0, 0, 0, 0])}
<tr><td rowspan="3">(六)其他处理</td>${sub('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', [1, 0, 0, 0, 0, 0, 1]).slice(4)}
${sub('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', [0, 0, 0, 0, 0, 0, 0])}
${sub('3.其他', [0, 0, 0, 0, 0, 0, 0])}
${row('(七)总计', [12, 3, 0, 0, 0, 0, 14], 2)}
${row('四、结转下年度继续办理', [1, 0, 0, 0, 0, 0, 1])}
</table>
<p><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p>
<table border="1">
<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
<tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</table>
<p><strong>五、存在的主要问题及改进情况</strong></p>
<p>\u3000\u3000一是政策解读形式较为单一；二是依申请公开答复文书有待规范。下一步，县财政局将丰富解读形式，规范答复文书。</p>
<p><strong>六、其他需要报告的事项</strong></p>
<p>\u3000\u3000本年度未收取信息处理费。</p>
<p style="text-align:right">示例县财政局</p>
<p style="text-align:right">2022年1月20日</p>
</div>
<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
${FOOTER}
</body></html>
`;

const REPORT_2019 = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>示例县统计局2019年政府信息公开工作年度报告</title></head>
<body>
${NAV}
<div class="article">
<h2>示例县统计局2019年政府信息公开工作年度报告</h2>
<p>发布日期：2020年01月20日</p>
<p>一、总体情况</p>
<p>2019年，县统计局主动公开统计信息86条。全年收到政府信息公开申请2件，办结2件。</p>
<p>二、主动公开政府信息情况</p>
<table>
<tr><th colspan="4">第二十条第（一）项</th></tr>
<tr><th>信息内容</th><th>本年新制作数量</th><th>本年新公开数量</th><th>对外公开总数量</th></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>规范性文件</td><td>1</td><td>1</td><td>5</td></tr>
<tr><th colspan="4">第二十条第（五）项</th></tr>
<tr><th>信息内容</th><th>上一年项目数量</th><th>本年增/减</th><th>处理决定数量</th></tr>
<tr><td>行政许可</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>其他对外管理服务事项</td><td>2</td><td>-1</td><td>3</td></tr>
<tr><th colspan="4">第二十条第（六）项</th></tr>
<tr><th>信息内容</th><th>上一年项目数量</th><th>本年增/减</th><th>处理决定数量</th></tr>
<tr><td>行政处罚</td><td>4</td><td>0</td><td>7</td></tr>
<tr><td>行政强制</td><td>0</td><td>0</td><td>0</td></tr>
<tr><th colspan="4">第二十条第（八）项</th></tr>
<tr><th>信息内容</th><th>上一年项目数量</th><th colspan="2">本年增/减</th></tr>
<tr><td>行政事业性收费</td><td>0</td><td colspan="2">0</td></tr>
<tr><th colspan="4">第二十条第（九）项</th></tr>
<tr><th>信息内容</th><th>采购项目数量</th><th colspan="2">采购总金额</th></tr>
<tr><td>政府集中采购</td><td>3</td><td colspan="2">45.6</td></tr>
</table>
<p>三、收到和处理政府信息公开申请情况</p>
<table>
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td></tr>
<tr><td colspan="3">二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td rowspan="20">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
<tr><td colspan="2">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td rowspan="8">（三）不予公开</td><td>1．属于国家秘密</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>2．其他法律行政法规禁止公开</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>3．危及“三安全一稳定”</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>4．保护第三方合法权益</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>5．属于三类内部事务信息</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>6．属于四类过程性信息</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>7．属于行政执法案卷</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>8．属于行政查询事项</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td rowspan="3">（四）无法提供</td><td>1．本机关不掌握相关政府信息</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
<tr><td>2．没有现成信息需要另行制作</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>3．补正后申请内容仍不明确</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td rowspan="5">（五）不予处理</td><td>1．信访举报投诉类申请</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>2．重复申请</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>3．要求提供公开出版物</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>4．无正当理由大量反复申请</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>5．要求行政机关确认或重新出具已获取信息</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td colspan="2">（六）其他处理</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td colspan="2">（七）总计</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td></tr>
<tr><td colspan="3">四、结转下年度继续办理</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table>
<tr><th>类别</th><th>结果维持</th><th>结果纠正</th><th>其他结果</th><th>尚未审结</th><th>总计</th></tr>
<tr><td>行政复议</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政诉讼（未经复议直接起诉）</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政诉讼（复议后起诉）</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</table>
<p>五、政府信息公开工作存在的主要问题及改进情况</p>
<p>统计信息解读不够通俗。2020年将增加图解。</p>
<p>六、其他需要报告的事项</p>
<p>无。</p>
</div>
${FOOTER}
</body></html>
`;

const tsv = (...cells) => cells.join('\t');
const zeros = (n) => new Array(n).fill('0');
const REPORT_COPY = [
  '首页 > 政府信息公开 > 政府信息公开年报',
  '示例镇2022年政府信息公开工作年度报告',
  '发布时间：2023-02-10\u3000来源：示例镇人民政府\u3000字号：[大 中 小]',
  '一、总体情况',
  '2022年，示例镇主动公开政府信息128条，新收政府信息公开申请3件，办结3件。',
  '二、主动公开政府信息情况',
  tsv('第二十条第（一）项'),
  tsv('信息内容', '本年制发件数', '本年废止件数', '现行有效件数'),
  tsv('规章', '0', '0', '0'),
  tsv('行政规范性文件', '0', '0', '2'),
  tsv('第二十条第（五）项'),
  tsv('信息内容', '本年处理决定数量'),
  tsv('行政许可', '15'),
  tsv('第二十条第（六）项'),
  tsv('信息内容', '本年处理决定数量'),
  tsv('行政处罚', '0'),
  tsv('行政强制', '0'),
  tsv('第二十条第（八）项'),
  tsv('信息内容', '本年收费金额（单位：万元）'),
  tsv('行政事业性收费', '0'),
  '三、收到和处理政府信息公开申请情况',
  tsv('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'),
  tsv('自然人', '法人或其他组织', '总计'),
  tsv('商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'),
  tsv('一、本年新收政府信息公开申请数量', '3', ...zeros(5), '3'),
  tsv('二、上年结转政府信息公开申请数量', ...zeros(7)),
  tsv('三、本年度办理结果', '（一）予以公开', '2', ...zeros(5), '2'),
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  tsv(...zeros(7)),
  tsv('（三）不予公开', '1.属于国家秘密', ...zeros(7)),
  tsv('2.其他法律行政法规禁止公开', ...zeros(7)),
  tsv('3.危及“三安全一稳定”', ...zeros(7)),
  tsv('4.保护第三方合法权益', ...zeros(7)),
  tsv('5.属于三类内部事务信息', ...zeros(7)),
  tsv('6.属于四类过程性信息', ...zeros(7)),
  tsv('7.属于行政执法案卷', ...zeros(7)),
  tsv('8.属于行政查询事项', ...zeros(7)),
  tsv('（四）无法提供', '1.本机关不掌握相关政府信息', '1', ...zeros(5), '1'),
  tsv('2.没有现成信息需要另行制作', ...zeros(7)),
  tsv('3.补正后申请内容仍不明确', ...zeros(7)),
  tsv('（五）不予处理', '1.信访举报投诉类申请', ...zeros(7)),
  tsv('2.重复申请', ...zeros(7)),
  tsv('3.要求提供公开出版物', ...zeros(7)),
  tsv('4.无正当理由大量反复申请', ...zeros(7)),
  tsv('5.要求行政机关确认或重新出具已获取信息', ...zeros(7)),
  tsv('（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ...zeros(7)),
  tsv('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ...zeros(7)),
  tsv('3.其他', ...zeros(7)),
  tsv('（七）总计', '3', ...zeros(5), '3'),
  tsv('四、结转下年度继续办理', ...zeros(7)),
  '四、政府信息公开行政复议、行政诉讼情况',
  tsv('行政复议', '行政诉讼'),
  tsv('结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'),
  tsv('结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'),
  tsv(...zeros(15)),
  '五、存在的主要问题及改进情况',
  '信息更新不够及时。下一步将建立信息发布台账。',
  '六、其他需要报告的事项',
  '无',
  '【打印本页】【关闭窗口】',
  '主办：示例镇人民政府',
].join('\r\n');

// ---- write ---------------------------------------------------------------------------------------

const files = {
  'notice.docx': await Packer.toBuffer(notice),
  'plain.docx': await Packer.toBuffer(plain),
  'report-2021-gbk.html': iconv.encode(REPORT_2021, 'gbk'),
  'report-2019.html': Buffer.from(REPORT_2019, 'utf8'),
  'report-2021-copy.txt': Buffer.from(REPORT_COPY + '\r\n', 'utf8'),
};
for (const [name, bytes] of Object.entries(files)) {
  writeFileSync(path.join(outDir, name), bytes);
  console.log(`test/fixtures/import/${name} (${bytes.length} bytes)`);
}
