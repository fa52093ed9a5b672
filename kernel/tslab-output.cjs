// tslab sends one iopub message per write to stdout/stderr. A cell printing thousands of lines
// then floods the socket, and the messages trickle out long after the cell finished. As
// ipykernel's OutStream does, this coalesces the writes of one execution: text is buffered and
// sent as one stream message at the next microtask (or when 64 KiB are pending, or before a
// display message, so the order of outputs is kept).
const FLUSH_AT = 64 * 1024;

function bufferStreams(jupyter) {
  const Impl = jupyter && jupyter.JupyterHandlerImpl;
  if (!Impl || Impl.prototype.retargetLabBuffered) return;
  const handleExecuteImpl = Impl.prototype.handleExecuteImpl;
  Impl.prototype.retargetLabBuffered = true;
  Impl.prototype.handleExecuteImpl = function (req, writeStream, writeDisplayData) {
    let pendingName = null;
    let pendingText = '';
    let scheduled = false;
    const flush = () => {
      scheduled = false;
      if (pendingName === null) return;
      const name = pendingName;
      const text = pendingText;
      pendingName = null;
      pendingText = '';
      writeStream(name, text);
    };
    const bufferedStream = (name, text) => {
      if (pendingName !== null && pendingName !== name) flush();
      pendingName = name;
      pendingText += text;
      if (pendingText.length >= FLUSH_AT) flush();
      else if (!scheduled) { scheduled = true; queueMicrotask(flush); }
    };
    const orderedDisplay = (data, update) => { flush(); writeDisplayData(data, update); };
    return handleExecuteImpl.call(this, req, bufferedStream, orderedDisplay).finally(flush);
  };
}
module.exports = { bufferStreams };
