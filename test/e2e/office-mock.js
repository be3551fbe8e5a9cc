/* global window, setTimeout */
/*
 * A local stand-in for Office.js in the e2e test (the real one comes from Microsoft's CDN, which tests never
 * load). It implements the slice of the Outlook API the task pane uses, over the item in window.__MOCK_OFFICE__,
 * and records every call Outlook would act on in window.__officeCalls.
 */
(function () {
  var setup = window.__MOCK_OFFICE__;
  var calls = (window.__officeCalls = []);
  var ok = function (callback, value) {
    setTimeout(function () {
      callback({ status: 'succeeded', value: value });
    }, 0);
  };
  var item = setup.item;
  var properties = {};
  var mailboxItem =
    setup.mode === 'read'
      ? {
          subject: item.subject,
          internetMessageId: item.internetMessageId,
          conversationId: item.conversationId,
          itemId: item.itemId,
          from: item.from,
          to: item.to,
          cc: item.cc,
          attachments: item.attachments,
          body: {
            getAsync: function (_coercion, callback) {
              ok(callback, item.body);
            },
          },
          loadCustomPropertiesAsync: function (callback) {
            ok(callback, {
              set: function (key, value) {
                properties[key] = value;
              },
              saveAsync: function (done) {
                calls.push({ call: 'customProperties.saveAsync', properties: JSON.parse(JSON.stringify(properties)) });
                ok(done);
              },
            });
          },
        }
      : {
          subject: {
            getAsync: function (callback) {
              ok(callback, '');
            },
          },
          to: {
            getAsync: function (callback) {
              ok(callback, []);
            },
            addAsync: function (recipients, callback) {
              calls.push({ call: 'to.addAsync', recipients: recipients });
              ok(callback);
            },
          },
          internetHeaders: {
            setAsync: function (headers, callback) {
              calls.push({ call: 'internetHeaders.setAsync', headers: headers });
              ok(callback);
            },
          },
        };
  window.Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Text: 'text', Html: 'html' },
    onReady: function () {
      return Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' });
    },
    context: {
      displayLanguage: setup.displayLanguage,
      // Outlook on the web supports Mailbox up to 1.13 here; versions compare part by part (1.8 < 1.13).
      requirements: {
        isSetSupported: function (name, version) {
          var asked = String(version).split('.').map(Number);
          return name === 'Mailbox' && (asked[0] < 1 || (asked[0] === 1 && (asked[1] || 0) <= 13));
        },
      },
      mailbox: {
        userProfile: setup.user,
        item: mailboxItem,
        displayNewMessageForm: function (params) {
          calls.push({ call: 'displayNewMessageForm', params: params });
        },
      },
    },
  };
})();
