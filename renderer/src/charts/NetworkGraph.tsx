import { useState } from 'react';
import type { Network } from '../../../shared/report-types.ts';
import { SrTable } from '../components/SrTable.tsx';
import { formatCount } from '../lib/format.ts';

const SIZE = 760;
const CENTER = SIZE / 2;
const RADIUS = 195;
const LABEL_GAP = 16;
/** What fits between the circle and the edge at 11 px. */
const LABEL_CHARS = 21;

/** The address, or its local part when the whole does not fit: always a piece of the accessible name. */
function shortLabel(address: string): string {
  if (address.length <= LABEL_CHARS) return address;
  return address.slice(0, Math.min(LABEL_CHARS, address.lastIndexOf('@')));
}

/**
 * Contacts on a circle (most exchanges first, clockwise from the top), joined by weighted lines.
 * Labels run outward along each contact's radius, so 30 of them never overlap; pointing at or
 * focusing a contact shows its full address and only its connections.
 */
export function NetworkGraph({
  network,
  onSelect,
}: {
  network: Network;
  onSelect: (address: string) => void;
}) {
  const [focus, setFocus] = useState<string | null>(null);
  const maxExchanges = Math.max(1, ...network.nodes.map((node) => node.exchanges));
  const maxWeight = Math.max(1, ...network.edges.map((edge) => edge.weight));
  const positions = new Map(
    network.nodes.map((node, index) => {
      // Half a step off the vertical, so no label runs straight up or down.
      const angle = ((index + 0.5) / network.nodes.length) * 2 * Math.PI - Math.PI / 2;
      return [
        node.address,
        { x: CENTER + RADIUS * Math.cos(angle), y: CENTER + RADIUS * Math.sin(angle), angle },
      ];
    }),
  );
  const focused = network.nodes.find((node) => node.address === focus) ?? null;
  const links = focused ? network.edges.filter((edge) => edge.a === focus || edge.b === focus).length : 0;
  const summary = `Network of ${network.nodes.length} contacts and ${network.edges.length} connections`;
  return (
    <div className="network">
      <p className="network__caption" aria-live="polite">
        {focused
          ? `${focused.address}: ${formatCount(focused.exchanges)} exchanges, ${formatCount(links)} ${links === 1 ? 'connection' : 'connections'} shown`
          : 'Circle size: exchanges with you. Line width: messages in which two contacts appear together. Point at a contact to see only its connections.'}
      </p>
      {/* A group, not an image: its contacts are buttons. */}
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing cannot be a <fieldset>; the role names the group. */}
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="group" aria-label={summary} className="network__svg">
        <g className="network__edges">
          {network.edges.map((edge) => {
            const a = positions.get(edge.a);
            const b = positions.get(edge.b);
            if (!a || !b) return null;
            const dimmed = focus !== null && edge.a !== focus && edge.b !== focus;
            return (
              <line
                key={`${edge.a}|${edge.b}`}
                x1={a.x}
                y1={a.y}
                x2={b.x}
                y2={b.y}
                strokeWidth={0.5 + 3.5 * (edge.weight / maxWeight)}
                strokeOpacity={dimmed ? 0.05 : 0.25 + 0.6 * (edge.weight / maxWeight)}
              >
                <title>{`${edge.a} and ${edge.b}: ${edge.weight} messages together`}</title>
              </line>
            );
          })}
        </g>
        {network.nodes.map((node) => {
          const p = positions.get(node.address)!;
          const degrees = (p.angle * 180) / Math.PI;
          const right = Math.cos(p.angle) >= 0;
          const x = p.x + LABEL_GAP * Math.cos(p.angle);
          const y = p.y + LABEL_GAP * Math.sin(p.angle);
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; role and key handling make it one.
            <g
              key={node.address}
              className={`network__node${focus === node.address ? ' network__node--focus' : ''}`}
              role="button"
              tabIndex={0}
              aria-label={`${node.address}, ${node.exchanges} exchanges`}
              onClick={() => onSelect(node.address)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') onSelect(node.address);
              }}
              onPointerEnter={() => setFocus(node.address)}
              onPointerLeave={() => setFocus(null)}
              onFocus={() => setFocus(node.address)}
              onBlur={() => setFocus(null)}
            >
              <circle cx={p.x} cy={p.y} r={4 + 8 * Math.sqrt(node.exchanges / maxExchanges)} />
              {/* Along the radius, turned so that it reads left to right on both halves. */}
              <text
                x={x}
                y={y}
                dy="0.35em"
                textAnchor={right ? 'start' : 'end'}
                transform={`rotate(${right ? degrees : degrees + 180} ${x} ${y})`}
              >
                {shortLabel(node.address)}
              </text>
              <title>{`${node.address}: ${node.exchanges} exchanges`}</title>
            </g>
          );
        })}
      </svg>
      <SrTable
        caption="Strongest connections"
        columns={['Contacts', 'Messages together']}
        rows={network.edges.slice(0, 30).map((edge) => [`${edge.a} and ${edge.b}`, edge.weight])}
      />
    </div>
  );
}
