import type { Participant } from './usePresence.js';

export function PresenceList({ participants }: { participants: Participant[] }) {
  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading" className="presence__title">
        Présents ({participants.length})
      </h2>
      <ul className="presence__list">
        {participants.map((participant) => (
          <li key={participant.clientId} className="presence__item">
            <span className="presence__chip" style={{ backgroundColor: participant.color }} aria-hidden="true" />
            {participant.name}
            {participant.isSelf && <span className="muted"> (vous)</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
