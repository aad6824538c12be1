import { AwaitingFigure } from '../figures/AwaitingFigure.tsx';
import { BusiestTimesFigure } from '../figures/BusiestTimesFigure.tsx';
import { HeadlineFigures } from '../figures/HeadlineFigures.tsx';
import { ResponseTimeFigure } from '../figures/ResponseTimeFigure.tsx';
import { VolumeFigure } from '../figures/VolumeFigure.tsx';
import { WorkingHoursFigure } from '../figures/WorkingHoursFigure.tsx';

export function OverviewView() {
  return (
    <div className="view-grid">
      <HeadlineFigures />
      <VolumeFigure />
      <BusiestTimesFigure />
      <WorkingHoursFigure />
      <ResponseTimeFigure who="mine" />
      <ResponseTimeFigure who="theirs" />
      <AwaitingFigure />
    </div>
  );
}
