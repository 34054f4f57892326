/**
 * On the canvas no example's node sits on another's label (issue 17, item 8: the main-job reads
 * overlapped). In n8n 2.41 a node is 100×100 with its name (up to two lines) and subtitle under it,
 * about 70 units deep and 200 wide, so nodes in one column need 180 units between their tops and
 * nodes in one row 200 between their lefts.
 */
import { readdirSync } from 'fs';
import { join } from 'path';

import { readWorkflow } from '../harness/engine';
import { REPO_ROOT } from '../harness/repository';

const COLUMN_GAP = 180;
const STICKY = 'n8n-nodes-base.stickyNote';

interface CanvasNode {
	name: string;
	type: string;
	position: [number, number];
	parameters?: { width?: number; height?: number };
}
const ROW_GAP = 200;

function files(): string[] {
	const json = (folder: string) => readdirSync(join(REPO_ROOT, 'examples', folder)).filter((file) => file.endsWith('.json')).map((file) => join('examples', folder, file));
	return [...json('.'), ...json('main-job')];
}

/** Pairs of working nodes (sticky notes aside) closer than a node and its label need. */
function crowdedPairs(nodes: CanvasNode[]): string[] {
	const working = nodes.filter((node) => node.type !== STICKY);
	return working.flatMap((a, index) =>
		working.slice(index + 1).flatMap((b) => {
			const dx = Math.abs(a.position[0] - b.position[0]);
			const dy = Math.abs(a.position[1] - b.position[1]);
			return dx < ROW_GAP && dy < COLUMN_GAP ? [`${a.name} / ${b.name} (${dx} apart across, ${dy} down)`] : [];
		}),
	);
}

interface Box {
	name: string;
	left: number;
	top: number;
	right: number;
	bottom: number;
}

/** Sticky notes as drawn, and working nodes with their label (100 wide, 170 deep with the label). */
function boxes(nodes: CanvasNode[]): { notes: Box[]; working: Box[] } {
	const box = (node: CanvasNode, width: number, height: number): Box => ({
		name: node.name,
		left: node.position[0],
		top: node.position[1],
		right: node.position[0] + width,
		bottom: node.position[1] + height,
	});
	return {
		notes: nodes.filter((node) => node.type === STICKY).map((node) => box(node, Number(node.parameters?.width ?? 240), Number(node.parameters?.height ?? 160))),
		working: nodes.filter((node) => node.type !== STICKY).map((node) => box(node, 100, 170)),
	};
}

function overlapping(a: Box[], b: Box[]): string[] {
	return a.flatMap((one, index) =>
		(a === b ? b.slice(index + 1) : b)
			.filter((other) => one.left < other.right && other.left < one.right && one.top < other.bottom && other.top < one.bottom)
			.map((other) => `${one.name} / ${other.name}`),
	);
}

test.each(files())('%s: no node on another’s label, no sticky note on a node or another note', (file) => {
	const workflow = readWorkflow(file) as unknown as { nodes: CanvasNode[] };
	expect(crowdedPairs(workflow.nodes)).toEqual([]);
	const { notes, working } = boxes(workflow.nodes);
	expect(overlapping(notes, notes)).toEqual([]);
	expect(overlapping(notes, working)).toEqual([]);
});

test('the check finds the reads that were 150 apart in one column', () => {
	const read = (name: string, y: number) => ({ name, type: 'n8n-nodes-bankconnect.bankConnect', position: [560, y] as [number, number] });
	expect(crowdedPairs([read('Get Salary', 150), read('Get Recurring Transactions', 300)])).toEqual(['Get Salary / Get Recurring Transactions (0 apart across, 150 down)']);
	expect(crowdedPairs([read('Get Salary', 100), read('Get Recurring Transactions', 300)])).toEqual([]);
});
