import PDFDocument from 'pdfkit';
import { deflateSync } from 'zlib';
import { composeStatement, StatementContent } from './compose';
import { addDays, toDate } from './dates';
import { COLUMN_ROLES, ColumnRole, formatAmount, formatDate, PAGE, StatementStyle, styleOfBank } from './layout';
import { SeededRandom } from '../random';
import type { StatementLine, StatementSpec } from './types';

/** A realistic statement PDF for `spec`; the same spec always yields the same bytes. */
export async function generateStatementPdf(spec: StatementSpec): Promise<Buffer> {
	const content = composeStatement(spec);
	const variant = spec.variant ?? 'text';
	const pdf = await renderPdf(content, spec, variant === 'image' ? 'image' : 'text');
	// A cut-off download: the catalogue and cross-reference table at the end are missing.
	return variant === 'corrupt' ? pdf.subarray(0, Math.floor(pdf.length * 0.45)) : pdf;
}

/** Metadata a bank's statement server writes, or an editing tool's (for `author_fraud`). */
function documentInfo(content: StatementContent, oddMetadata: boolean): PDFKit.DocumentInfo {
	const created = toDate(addDays(content.toDate, 1));
	created.setUTCHours(4, 30, 0, 0);
	const common = { Title: 'Statement of Account', Subject: `${content.bank.fullName} account statement`, CreationDate: created, ModDate: created };
	return oddMetadata
		? { ...common, Author: 'Admin', Creator: 'Microsoft Word - statement.docx', Producer: 'iLovePDF', ModDate: new Date(created.getTime() + 3 * 86_400_000) }
		: { ...common, Author: content.bank.fullName, Creator: 'Finacle Core Banking', Producer: 'iText 5.5.13' };
}

/** Draws text, or (for the image variant) grey bars where the text would be, so no text layer exists. */
interface Painter {
	text(text: string, x: number, y: number, options?: { bold?: boolean; size?: number; rightEdge?: number }): void;
}

function painterFor(doc: PDFKit.PDFDocument, mode: 'text' | 'image'): Painter {
	return {
		text(text, x, y, options = {}) {
			const size = options.size ?? PAGE.fontSize;
			doc.font(options.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
			const width = doc.widthOfString(text);
			const left = options.rightEdge !== undefined ? options.rightEdge - width : x;
			if (mode === 'text') {
				doc.fillColor('black').text(text, left, y, { lineBreak: false });
			} else {
				doc.rect(left, y + size * 0.15, width, size * 0.75).fillColor('#555555').fill();
			}
		},
	};
}

/** pdfkit draws the document synchronously; its AES salts and IVs come from here during that time. */
let pdfSecurityClass: { generateRandomWordArray: (bytes: number) => Uint8Array } | undefined;

function pdfSecurity() {
	if (!pdfSecurityClass) {
		const probe = new PDFDocument({ userPassword: 'probe', pdfVersion: '1.7ext3' });
		pdfSecurityClass = (probe as unknown as { _security: { constructor: typeof pdfSecurityClass } })._security.constructor;
		probe.end();
	}
	return pdfSecurityClass!;
}

async function renderPdf(content: StatementContent, spec: StatementSpec, mode: 'text' | 'image'): Promise<Buffer> {
	const chunks: Buffer[] = [];
	const security = spec.password ? pdfSecurity() : undefined;
	const originalRandom = security?.generateRandomWordArray;
	const rng = new SeededRandom(`pdf|${spec.seed}|${spec.password ?? ''}`);
	if (security) security.generateRandomWordArray = (bytes) => new Uint8Array(rng.bytes(bytes));
	let doc: PDFKit.PDFDocument;
	try {
		doc = new PDFDocument({
			size: 'A4',
			margin: PAGE.margin,
			autoFirstPage: false,
			info: documentInfo(content, spec.oddMetadata ?? false),
			...(spec.password ? { userPassword: spec.password, ownerPassword: `${spec.password}#owner`, pdfVersion: '1.7ext3' as const } : {}),
		});
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		drawStatement(doc, painterFor(doc, mode), content, styleOfBank(content.bank.id));
		if (spec.minSizeKb) addPadding(doc, spec.minSizeKb * 1024, spec.seed);
		doc.end();
	} finally {
		if (security && originalRandom) security.generateRandomWordArray = originalRandom;
	}
	await new Promise<void>((resolve, reject) => {
		if (doc.readableEnded) resolve();
		doc.on('end', resolve);
		doc.on('error', reject);
	});
	return Buffer.concat(chunks);
}

/**
 * Grows the file with an image that no page paints: the reader never decodes it, so a 10 MB
 * statement parses as fast as a small one. Stored (level 0) deflate keeps it cheap to build.
 */
function addPadding(doc: PDFKit.PDFDocument, bytes: number, seed: string): void {
	const side = Math.ceil(Math.sqrt(bytes));
	const pixels = new SeededRandom(`padding|${seed}`).bytes(side * side);
	const image = doc.ref({
		Type: 'XObject', Subtype: 'Image', Width: side, Height: side, ColorSpace: 'DeviceGray', BitsPerComponent: 8, Filter: 'FlateDecode',
	});
	image.end(deflateSync(pixels, { level: 0 }));
	const page = (doc as unknown as { _pageBuffer?: unknown[]; page: { xobjects: Record<string, unknown> } }).page;
	page.xobjects.Scan0 = image;
}

const HEADER_FONT = 8;
const TABLE_TOP_FIRST_PAGE = 226;
const TABLE_TOP = 40;
const TABLE_BOTTOM = PAGE.height - 50;

function rowsPerPage(first: boolean): number {
	return Math.floor((TABLE_BOTTOM - (first ? TABLE_TOP_FIRST_PAGE : TABLE_TOP) - 16) / PAGE.rowHeight);
}

function paginate(lines: StatementLine[]): StatementLine[][] {
	const pages: StatementLine[][] = [];
	let rest = lines;
	do {
		const size = rowsPerPage(pages.length === 0);
		pages.push(rest.slice(0, size));
		rest = rest.slice(size);
	} while (rest.length > 0);
	return pages;
}

function drawStatement(doc: PDFKit.PDFDocument, paint: Painter, content: StatementContent, style: StatementStyle): void {
	const pages = paginate(content.lines);
	pages.forEach((lines, index) => {
		doc.addPage({ size: 'A4', margin: PAGE.margin });
		let y = index === 0 ? drawAccountHeader(paint, content, style) : TABLE_TOP;
		y = drawTableHeader(doc, paint, style, y);
		for (const line of lines) {
			drawRow(paint, line, style, y);
			y += PAGE.rowHeight;
		}
		if (index === pages.length - 1) {
			paint.text('*** End of Statement ***', 240, y + 10, { bold: true });
			paint.text('This is a computer generated statement and does not require a signature.', PAGE.margin, y + 26, { size: 6.5 });
		}
		paint.text(`Page ${index + 1} of ${pages.length}`, 270, PAGE.height - 30, { size: 6.5 });
	});
}

function drawAccountHeader(paint: Painter, content: StatementContent, style: StatementStyle): number {
	const { bank, identity } = content;
	paint.text(bank.fullName, PAGE.margin, 30, { bold: true, size: 16 });
	paint.text(`${content.branch} BRANCH`, PAGE.margin, 52, { size: HEADER_FONT });
	paint.text('Statement of Account', PAGE.margin, 70, { bold: true, size: 11 });
	const period = `${formatDate(content.fromDate, style.dateFormat)} to ${formatDate(content.toDate, style.dateFormat)}`;
	const rows: Array<[string, string, string?, string?]> = [
		['Account Name:', identity.name, 'Account Number:', identity.account_number],
		['Account Type:', 'SAVINGS', 'IFSC Code:', identity.ifsc],
		['Account Category:', 'INDIVIDUAL', 'MICR Code:', identity.micr],
		['Branch:', content.branch, 'Currency:', 'INR'],
		['Address:', identity.address],
		['Statement Period:', period],
		['Opening Balance:', formatAmount(content.openingBalance), 'Closing Balance:', formatAmount(content.closingBalance)],
	];
	let y = 96;
	for (const [leftLabel, leftValue, rightLabel, rightValue] of rows) {
		paint.text(leftLabel, PAGE.margin, y, { bold: true, size: HEADER_FONT });
		paint.text(leftValue, 112, y, { size: HEADER_FONT });
		if (rightLabel && rightValue) {
			paint.text(rightLabel, 330, y, { bold: true, size: HEADER_FONT });
			paint.text(rightValue, 412, y, { size: HEADER_FONT });
		}
		y += 16;
	}
	return TABLE_TOP_FIRST_PAGE;
}

function drawTableHeader(doc: PDFKit.PDFDocument, paint: Painter, style: StatementStyle, y: number): number {
	doc.rect(PAGE.margin, y - 3, PAGE.width - 2 * PAGE.margin, PAGE.rowHeight + 2).fillColor('#e6e6e6').fill();
	for (const role of COLUMN_ROLES) paint.text(style.columns[role], PAGE.columns[role].x, y, { bold: true });
	doc.moveTo(PAGE.margin, y + PAGE.rowHeight).lineTo(PAGE.width - PAGE.margin, y + PAGE.rowHeight).lineWidth(0.5).strokeColor('#999999').stroke();
	return y + PAGE.rowHeight + 4;
}

function drawRow(paint: Painter, line: StatementLine, style: StatementStyle, y: number): void {
	const right = (role: ColumnRole) => PAGE.columns[role].x + PAGE.columns[role].width;
	paint.text(formatDate(line.date.slice(0, 10), style.dateFormat), PAGE.columns.date.x, y);
	paint.text(line.narration, PAGE.columns.narration.x, y);
	if (line.reference) paint.text(line.reference, PAGE.columns.reference.x, y);
	if (line.debit !== null) paint.text(formatAmount(line.debit), 0, y, { rightEdge: right('debit') });
	if (line.credit !== null) paint.text(formatAmount(line.credit), 0, y, { rightEdge: right('credit') });
	paint.text(formatAmount(line.balance), 0, y, { rightEdge: right('balance') });
}
