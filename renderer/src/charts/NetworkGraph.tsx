import type { Network } from '../../../shared/report-types.ts';
import { SrTable } from '../components/SrTable.tsx';

const SIZE = 560;
const CENTER = SIZE / 2;
const RADIUS = 180;
const LABEL_GAP = 14;

/** Contacts on a circle (most exchanges first, clockwise from the top), joined by weighted lines. */
export function NetworkGraph({
  network,
  onSelect,
}: {
  network: Network;
  onSelect: (address: string) => void;
}) {
  const maxExchanges = Math.max(1, ...network.nodes.map((node) => node.exchanges));
  const maxWeight = Math.max(1, ...network.edges.map((edge) => edge.weight));
  const positions = new Map(
    network.nodes.map((node, index) => {
      // Half a step off the vertical, so no label sits straight above or below the circle.
      const angle = ((index + 0.5) / network.nodes.length) * 2 * Math.PI - Math.PI / 2;
      return [
        node.address,
        { x: CENTER + RADIUS * Math.cos(angle), y: CENTER + RADIUS * Math.sin(angle), angle },
      ];
    }),
  );
  const summary = `Network of ${network.nodes.length} contacts and ${network.edges.length} connections`;
  return (
    <div className="network">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={summary} className="network__svg">
        <g className="network__edges">
          {network.edges.map((edge) => {
            const a = positions.get(edge.a);
            const b = positions.get(edge.b);
            if (!a || !b) return null;
            return (
              <line
                key={`${edge.a}|${edge.b}`}
                x1={a.x}
                y1={a.y}
                x2={b.x}
                y2={b.y}
                strokeWidth={0.5 + 3.5 * (edge.weight / maxWeight)}
                strokeOpacity={0.25 + 0.6 * (edge.weight / maxWeight)}
              >
                <title>{`${edge.a} and ${edge.b}: ${edge.weight} messages together`}</title>
              </line>
            );
          })}
        </g>
        {network.nodes.map((node) => {
          const p = positions.get(node.address)!;
          const cos = Math.cos(p.angle);
          const sin = Math.sin(p.angle);
          // Labels sit outside the circle along the radius, running away from it.
          const anchor = cos >= 0 ? 'start' : 'end';
          const label = node.address.length > 24 ? `${node.address.slice(0, 23)}…` : node.address;
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; role and key handling make it one.
            <g
              key={node.address}
              className="network__node"
              role="button"
              tabIndex={0}
              aria-label={`${node.address}, ${node.exchanges} exchanges`}
              onClick={() => onSelect(node.address)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') onSelect(node.address);
              }}
            >
              <circle cx={p.x} cy={p.y} r={4 + 8 * Math.sqrt(node.exchanges / maxExchanges)} />
              <text x={p.x + LABEL_GAP * cos} y={p.y + LABEL_GAP * sin + 4} textAnchor={anchor}>
                {label}
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
