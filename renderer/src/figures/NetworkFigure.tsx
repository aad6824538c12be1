import { NetworkGraph } from '../charts/NetworkGraph.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Figure } from '../components/Figure.tsx';
import { useReport } from '../components/report-context.ts';
import { useDrill } from '../components/use-drill.ts';

/** Figure 15: who appears together with whom. */
export function NetworkFigure() {
  const { report } = useReport();
  const drill = useDrill();
  const graph = report.network;
  return (
    <Figure title="Network" definition="network">
      {graph.nodes.length < 2 ? (
        <EmptyState title="Too few contacts in this range to draw a network." />
      ) : (
        <NetworkGraph
          network={graph}
          onSelect={(address) => drill('network', address, `Messages with ${address}`)}
        />
      )}
    </Figure>
  );
}
