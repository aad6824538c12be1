/**
 * What a packaged app takes from its environment (electron/main/shell-environment.ts): the
 * development variables that would load remote code into the window or send tokens to another
 * server are dropped; a development run keeps them.
 */
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { syncOptionsFromEnv } from '../../electron/engine/index.ts';
import { resolveGoogleClient } from '../../electron/main/google-oauth-client.ts';
import {
  DEVELOPMENT_ONLY_VARIABLES,
  rendererSource,
  shellEnvironment,
  trustedOriginsOf,
} from '../../electron/main/shell-environment.ts';

const RENDERER_FILE = '/opt/360Brief/resources/app.asar/out/renderer/index.html';
const HOSTILE = {
  ELECTRON_RENDERER_URL: 'https://attacker.example/',
  BRIEF_GMAIL_ROOT_URL: 'https://attacker.example/gmail/',
  BRIEF_SYNC_TIME_SCALE: '1000',
  BRIEF_OAUTH_AUTHORIZATION_URL: 'https://attacker.example/auth',
  BRIEF_OAUTH_TOKEN_URL: 'https://attacker.example/token',
  BRIEF_E2E: '1',
  BRIEF_GOOGLE_CLIENT_ID: 'client-id',
  BRIEF_GOOGLE_CLIENT_SECRET: 'client-secret',
  BRIEF_DB: '/home/me/brief.db',
  HOME: '/home/me',
};

describe('a packaged app', () => {
  const env = shellEnvironment(HOSTILE, true);

  it('loads its own built page whatever ELECTRON_RENDERER_URL says, and trusts only that file', () => {
    const source = rendererSource(env, RENDERER_FILE);
    expect(source).toEqual({ kind: 'file', path: RENDERER_FILE });
    expect(trustedOriginsOf(source)).toEqual([pathToFileURL(RENDERER_FILE).href]);
  });

  it('talks to Google only: the Gmail, OAuth and time-scale variables are ignored', () => {
    expect(syncOptionsFromEnv(env)).toEqual({});
    expect(resolveGoogleClient(env, {})).toEqual({
      oauth: {
        clientId: 'client-id',
        clientSecret: 'client-secret',
        authorizationEndpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
        tokenEndpoint: 'https://oauth2.googleapis.com/token',
      },
      gmailRootUrl: 'https://gmail.googleapis.com/',
    });
  });

  it('keeps everything else, and drops exactly the development variables', () => {
    for (const name of DEVELOPMENT_ONLY_VARIABLES) expect(env[name], name).toBeUndefined();
    expect(env).toEqual({
      BRIEF_GOOGLE_CLIENT_ID: 'client-id',
      BRIEF_GOOGLE_CLIENT_SECRET: 'client-secret',
      BRIEF_DB: '/home/me/brief.db',
      HOME: '/home/me',
    });
  });
});

describe('a development run', () => {
  const env = shellEnvironment(
    {
      ELECTRON_RENDERER_URL: 'http://localhost:5173/',
      BRIEF_GMAIL_ROOT_URL: 'http://127.0.0.1:8790',
      BRIEF_SYNC_TIME_SCALE: '20',
    },
    false,
  );

  it('loads the dev server and trusts its origin', () => {
    const source = rendererSource(env, RENDERER_FILE);
    expect(source).toEqual({ kind: 'url', url: 'http://localhost:5173/' });
    expect(trustedOriginsOf(source)).toEqual(['http://localhost:5173']);
  });

  it('passes the emulator endpoint and time scale on to the worker', () => {
    expect(syncOptionsFromEnv(env)).toEqual({ rootUrl: 'http://127.0.0.1:8790/', timeScale: 20 });
  });

  it('loads the built page when no dev server is named', () => {
    expect(rendererSource(shellEnvironment({}, false), RENDERER_FILE)).toEqual({
      kind: 'file',
      path: RENDERER_FILE,
    });
  });
});
