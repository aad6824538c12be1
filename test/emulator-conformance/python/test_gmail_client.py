"""The emulator through Google's own Python client (google-api-python-client with its bundled
discovery document, google-auth), a second client nobody here wrote.

Every assertion is taken from Google's documentation of the Gmail API v1 and of the client, not
from our TypeScript client's behaviour. Run by test/emulator-conformance/python-client.test.ts,
which starts an emulator and hands its address and tokens over in GMAIL_EMULATOR (JSON).
"""

import base64
import datetime
import json
import os
import unittest

import httplib2
from google.auth.exceptions import RefreshError
from google.auth.transport.requests import Request
from google.oauth2.credentials import Credentials
from google_auth_httplib2 import AuthorizedHttp
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError
from googleapiclient.http import BatchHttpRequest

EMULATOR = json.loads(os.environ["GMAIL_EMULATOR"])
URL = EMULATOR["url"]


def credentials(name, expiry=None):
    grant = EMULATOR["tokens"][name]
    return Credentials(
        token=grant["accessToken"],
        refresh_token=grant["refreshToken"],
        token_uri=f"{URL}/token",
        client_id=EMULATOR["clientId"],
        client_secret=EMULATOR["clientSecret"],
        scopes=[grant["scope"]],
        expiry=expiry,
    )


def gmail(creds):
    """The client built from its bundled (static) discovery document, pointed at the emulator."""
    return build(
        "gmail",
        "v1",
        static_discovery=True,
        http=AuthorizedHttp(creds, http=httplib2.Http()),
        client_options={"api_endpoint": f"{URL}/"},
    )


def batch(callback):
    # new_batch_http_request() takes the discovery document's rootUrl, so name Gmail's batch
    # endpoint (documented as /batch/gmail/v1) on the emulator.
    return BatchHttpRequest(callback=callback, batch_uri=f"{URL}/batch/gmail/v1")


def b64decode_strict(text):
    """Python's urlsafe_b64decode refuses unpadded input, as a strict decoder does."""
    return base64.urlsafe_b64decode(text.encode("ascii"))


def reason(error):
    return json.loads(error.content)["error"]["errors"][0]["reason"]


READONLY = gmail(credentials("readonly"))
METADATA = gmail(credentials("metadata"))


class ListingTest(unittest.TestCase):
    def test_list_pages_to_the_end(self):
        profile = READONLY.users().getProfile(userId="me").execute()
        seen, pages, token = [], 0, None
        while True:
            page = READONLY.users().messages().list(
                userId="me", maxResults=7, includeSpamTrash=True, pageToken=token
            ).execute()
            pages += 1
            for message in page.get("messages", []):
                self.assertEqual(set(message), {"id", "threadId"})
                seen.append(message["id"])
            self.assertIsInstance(page["resultSizeEstimate"], int)
            token = page.get("nextPageToken")
            if token is None:
                break
        self.assertEqual(len(seen), len(set(seen)))
        self.assertEqual(len(seen), profile["messagesTotal"])
        self.assertEqual(pages, -(-profile["messagesTotal"] // 7))

    def test_list_next_method_follows_the_pages(self):
        messages = READONLY.users().messages()
        request, count = messages.list(userId="me", maxResults=10), 0
        while request is not None:
            response = request.execute()
            count += len(response.get("messages", []))
            request = messages.list_next(request, response)
        self.assertGreater(count, 10)

    def test_fields_partial_response(self):
        page = READONLY.users().messages().list(userId="me", fields="messages/id").execute()
        self.assertEqual(set(page), {"messages"})
        self.assertTrue(all(set(m) == {"id"} for m in page["messages"]))


class FormatsTest(unittest.TestCase):
    def setUp(self):
        self.message_id = READONLY.users().messages().list(userId="me", maxResults=1).execute()["messages"][0]["id"]

    def test_every_format_under_readonly(self):
        messages = READONLY.users().messages()
        minimal = messages.get(userId="me", id=self.message_id, format="minimal").execute()
        self.assertNotIn("payload", minimal)
        self.assertIsInstance(minimal["historyId"], str)
        self.assertIsInstance(minimal["internalDate"], str)
        metadata = messages.get(
            userId="me", id=self.message_id, format="metadata", metadataHeaders=["Subject", "From"]
        ).execute()
        self.assertEqual({h["name"].lower() for h in metadata["payload"]["headers"]}, {"subject", "from"})
        full = messages.get(userId="me", id=self.message_id, format="full").execute()
        self.assertIn("payload", full)
        data = full["payload"].get("body", {}).get("data")
        if data is not None:
            b64decode_strict(data)
        raw = messages.get(userId="me", id=self.message_id, format="raw").execute()
        self.assertNotIn("payload", raw)
        self.assertIn(b"Subject:", b64decode_strict(raw["raw"]))

    def test_metadata_scope_allows_minimal_and_metadata_only(self):
        messages = METADATA.users().messages()
        for fmt in ("minimal", "metadata"):
            messages.get(userId="me", id=self.message_id, format=fmt).execute()
        for fmt in ("full", "raw"):
            with self.assertRaises(HttpError) as caught:
                messages.get(userId="me", id=self.message_id, format=fmt).execute()
            self.assertEqual(caught.exception.resp.status, 403)
        with self.assertRaises(HttpError) as caught:
            METADATA.users().messages().list(userId="me", q="in:inbox").execute()
        self.assertEqual(caught.exception.resp.status, 403)

    def test_ids(self):
        with self.assertRaises(HttpError) as bad:
            READONLY.users().messages().get(userId="me", id="not-a-hex-id!", format="minimal").execute()
        self.assertEqual(bad.exception.resp.status, 400)
        self.assertEqual(reason(bad.exception), "invalidArgument")
        with self.assertRaises(HttpError) as unknown:
            READONLY.users().messages().get(userId="me", id="ffffffffffffffff", format="minimal").execute()
        self.assertEqual(unknown.exception.resp.status, 404)


class ThreadsTest(unittest.TestCase):
    def test_threads_list_and_get(self):
        threads = READONLY.users().threads().list(userId="me", maxResults=5).execute()["threads"]
        self.assertTrue(all("id" in t and "historyId" in t for t in threads))
        thread = READONLY.users().threads().get(userId="me", id=threads[0]["id"], format="metadata").execute()
        self.assertEqual(thread["id"], threads[0]["id"])
        self.assertTrue(all(m["threadId"] == thread["id"] for m in thread["messages"]))
        dates = [int(m["internalDate"]) for m in thread["messages"]]
        self.assertEqual(dates, sorted(dates))


class BatchTest(unittest.TestCase):
    def ids(self, count):
        page = READONLY.users().messages().list(userId="me", maxResults=count).execute()
        return [m["id"] for m in page["messages"]]

    def test_batch_of_50(self):
        answers = {}

        def collect(request_id, response, exception):
            answers[request_id] = exception or response

        request = batch(collect)
        ids = self.ids(50)
        for message_id in ids:
            request.add(READONLY.users().messages().get(userId="me", id=message_id, format="minimal"), request_id=message_id)
        request.execute()
        self.assertEqual(set(answers), set(ids))
        self.assertTrue(all(answers[i]["id"] == i for i in ids))

    def test_batch_of_101_is_refused_whole(self):
        request = batch(lambda *_: None)
        message_id = self.ids(1)[0]
        for _ in range(101):
            request.add(READONLY.users().messages().get(userId="me", id=message_id, format="minimal"))
        with self.assertRaises(HttpError) as caught:
            request.execute()
        self.assertEqual(caught.exception.resp.status, 400)


class HistoryAfterWritesTest(unittest.TestCase):
    def test_history_records_each_write(self):
        modify = gmail(credentials("modify"))
        full = gmail(credentials("full"))
        start = modify.users().getProfile(userId="me").execute()["historyId"]
        target = modify.users().messages().list(userId="me", maxResults=1).execute()["messages"][0]["id"]
        changed = modify.users().messages().modify(
            userId="me", id=target, body={"addLabelIds": ["STARRED"]}
        ).execute()
        self.assertIn("STARRED", changed["labelIds"])
        raw = base64.urlsafe_b64encode(
            b"From: a@example.org\r\nTo: user@example.com\r\nSubject: From Python\r\n\r\nHi.\r\n"
        ).decode("ascii")
        added = modify.users().messages().insert(userId="me", body={"raw": raw, "labelIds": ["INBOX"]}).execute()
        modify.users().messages().trash(userId="me", id=added["id"]).execute()
        full.users().messages().delete(userId="me", id=added["id"]).execute()

        history = modify.users().history().list(userId="me", startHistoryId=start).execute()
        records = history["history"]
        ids = [int(r["id"]) for r in records]
        self.assertEqual(ids, sorted(ids))
        self.assertGreater(int(history["historyId"]), int(start))
        kinds = [next(k for k in r if k not in ("id", "messages")) for r in records]
        self.assertEqual(kinds, ["labelsAdded", "messagesAdded", "labelsAdded", "messagesDeleted"])
        self.assertEqual(records[0]["labelsAdded"][0]["labelIds"], ["STARRED"])
        self.assertEqual(records[2]["labelsAdded"][0]["labelIds"], ["TRASH"])
        self.assertEqual(records[3]["messagesDeleted"][0]["message"]["id"], added["id"])
        with self.assertRaises(HttpError) as caught:
            modify.users().messages().delete(userId="me", id=target).execute()
        self.assertEqual(caught.exception.resp.status, 403)


class TokensTest(unittest.TestCase):
    def test_refresh_before_a_call_when_the_token_has_expired(self):
        expired = EMULATOR["tokens"]["expired"]
        creds = credentials("expired", expiry=datetime.datetime(2000, 1, 1))
        self.assertTrue(creds.expired)
        gmail(creds).users().getProfile(userId="me").execute()
        self.assertNotEqual(creds.token, expired["accessToken"])

    def test_refresh_on_401_when_the_expiry_is_unknown(self):
        expired = EMULATOR["tokens"]["expired"]
        creds = credentials("expired")
        profile = gmail(creds).users().getProfile(userId="me").execute()
        self.assertEqual(profile["emailAddress"], EMULATOR["user"])
        self.assertNotEqual(creds.token, expired["accessToken"])

    def test_revocation(self):
        http = httplib2.Http()
        revoked = EMULATOR["tokens"]["toRevoke"]
        answer, _ = http.request(
            f"{URL}/revoke?token={revoked['refreshToken']}",
            "POST",
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        self.assertEqual(answer.status, 200)
        with self.assertRaises(RefreshError) as caught:
            credentials("toRevoke").refresh(Request())
        self.assertIn("invalid_grant", str(caught.exception))
        legacy = EMULATOR["tokens"]["toRevokeLegacy"]
        answer, _ = http.request(f"{URL}/o/oauth2/revoke?token={legacy['accessToken']}", "GET")
        self.assertEqual(answer.status, 200)
        denied, body = http.request(
            f"{URL}/gmail/v1/users/me/profile", "GET", headers={"authorization": f"Bearer {legacy['accessToken']}"}
        )
        self.assertEqual(denied.status, 401)
        self.assertEqual(json.loads(body)["error"]["status"], "UNAUTHENTICATED")


if __name__ == "__main__":
    unittest.main()
