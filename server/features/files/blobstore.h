#pragma once

#include <QIODevice>
#include <QString>

#include <memory>

namespace Natter::Server {

// The bodies of uploaded files (and their thumbnails), by key: all that FileService, UploadReceiver, the
// download route and `natter-server backup/restore` do with them. Rows, names, types and who may read what
// stay in the database (`uploads`); a blob is only bytes under a key.
//
// Keys are made by the server: an upload's Snowflake id ("1234") and its thumbnail's ("1234.thumb.jpg"),
// stored in `uploads.storage_key` and `uploads.thumbnail_key`. A valid key is 1 to 128 characters of
// [A-Za-z0-9._-] that does not start with '.' (isValidKey()); a blob is never replaced, because a key is
// never reused (Snowflake ids are unique, also across instances, whose node ids differ).
//
// Staging: an upload is written to a local file first (stagingPath()), inspected there (type, thumbnail),
// then handed to put(). Staged files are plain local files that the caller creates, writes and, when it
// gives up, removes; put() consumes them.
//
// Threads: put(), remove() and exists() run on FileService's pool, read() on the event loop, backup and
// restore on the main thread of a command; calls may overlap. After open() an implementation keeps no
// mutable state of its own (LocalBlobStore holds two paths), or guards it.
//
// An object store (S3 and the like) implements this as follows, and must guarantee what each function
// below promises:
//   key        the object name: a fixed prefix plus the key ("natter/uploads/" + key), in one bucket that
//              several instances share; the prefix is its configuration, like LocalBlobStore's directory.
//   staging    a directory on the instance's own disk (for example DATA/uploads-staging/INSTANCE): the
//              thumbnailer needs a local file anyway; open() empties it.
//   put        a PUT (multipart above a few MiB) from the staged file, returning only once the store has
//              acknowledged the whole object: S3 makes an object visible only when its upload completes,
//              which is the "never half-written" guarantee. Then it removes the staged file. It blocks its
//              pool thread for the transfer (a QNetworkAccessManager of that thread with a local event
//              loop, or a blocking client), never the event loop.
//   read       a GET whose body is the device: a sequential QIODevice that emits readyRead as bytes arrive
//              and readChannelFinished at the end (FileSender streams such a device as it comes), and the
//              size from its response head (Content-Length). Waiting for that head is one round trip on the
//              event loop: bound it (a second or two) and answer "missing" past it.
//   exists     a HEAD.
//   remove     a DELETE; an object already gone counts as removed.
class BlobStore
{
public:
    // A blob opened for reading. No device: there is no blob under that key, or it cannot be read.
    struct Reader
    {
        std::unique_ptr<QIODevice> device; // open for reading, at the first byte
        qint64 size = 0; // bytes the device will deliver
    };

    virtual ~BlobStore() = default;

    // Readies the store for writing, by the server or a restore: creates what it needs and removes the staged
    // files that an earlier run of INSTANCE left behind (a crash, a client that hung up while its file was
    // inspected). INSTANCE names this server among those sharing the store (empty when nothing else uses it);
    // no two running servers may share one. read() and exists() work without open(): a backup reads a live
    // server's store without touching its staging files.
    virtual bool open(const QString &instance, QString *error) = 0;
    // Where to write the local file that put() will take as the blob of a key, for NAME (a valid key; each
    // upload uses its own names). Valid after open().
    virtual QString stagingPath(const QString &name) const = 0;
    // Makes the complete file at STAGINGPATH (from stagingPath()) the blob KEY, durably: once put() returns
    // true the blob survives a crash or a power cut, and no reader ever sees part of it. The staged file is
    // gone afterwards when it succeeded; on failure the caller removes it.
    virtual bool put(const QString &stagingPath, const QString &key, QString *error) = 0;
    virtual Reader read(const QString &key) const = 0;
    // Whether a blob is stored under KEY. Tells a blob that is gone (deleted since a snapshot named it) from
    // one that read() cannot open.
    virtual bool exists(const QString &key) const = 0;
    // Deletes the blob KEY (readers that have it open may finish). True when it is gone, also when it was
    // never there.
    virtual bool remove(const QString &key) = 0;

    static bool isValidKey(const QString &key)
    {
        if (key.isEmpty() || key.size() > 128 || key.startsWith(u'.'))
            return false;
        for (QChar c : key)
            if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
                    || c == u'.' || c == u'_' || c == u'-'))
                return false;
        return true;
    }
};

} // namespace Natter::Server
