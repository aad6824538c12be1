import { ContactResponseFigure } from '../figures/ContactResponseFigure.tsx';
import { GoingQuietFigure } from '../figures/GoingQuietFigure.tsx';
import { NetworkFigure } from '../figures/NetworkFigure.tsx';
import { RelationshipsFigure } from '../figures/RelationshipsFigure.tsx';
import { TopDomainsFigure } from '../figures/TopDomainsFigure.tsx';
import { TopRecipientsFigure } from '../figures/TopRecipientsFigure.tsx';
import { TopSendersFigure } from '../figures/TopSendersFigure.tsx';

export function PeopleView() {
  return (
    <div className="view-grid">
      <TopSendersFigure />
      <TopRecipientsFigure />
      <TopDomainsFigure />
      <NetworkFigure />
      <RelationshipsFigure />
      <GoingQuietFigure />
      <ContactResponseFigure />
    </div>
  );
}
