/** The page cannot talk to the engine: no token, or the bridge refused it. */
export function AccessRefused({ reason }: { reason: string | null }) {
  return (
    <main className="centered-message">
      <h1>360Brief cannot open this dashboard</h1>
      <p>
        {reason ??
          'The 360Brief service refused this page’s access token. Open the address that `brief serve` printed (it ends in ?token=…); a token from an earlier run no longer works.'}
      </p>
    </main>
  );
}
