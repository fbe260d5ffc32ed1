-- Headless Neovim (0.7+) with its built-in LSP client: open a policy, start
-- isms-language-server over stdio, wait for diagnostics, write them as JSON.
local server, root, file, out = vim.env.ISMS_SERVER, vim.env.ISMS_ROOT, vim.env.ISMS_FILE, vim.env.ISMS_OUT

local function finish(result)
  local f = io.open(out, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'isms',
  cmd = { 'node', server, '--stdio' },
  root_dir = root,
  init_options = { settings = { today = '2026-11-21', language = 'en' }, debounceMs = 0 },
})
if not client_id then
  finish({ error = 'start_client failed' })
  return
end
vim.lsp.buf_attach_client(bufnr, client_id)

local ok = vim.wait(20000, function()
  return #vim.diagnostic.get(bufnr) > 0
end, 100)

local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local code = d.code
  if code == nil and d.user_data and d.user_data.lsp then
    code = d.user_data.lsp.code
  end
  table.insert(diagnostics, { code = code, lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity, source = d.source, message = d.message })
end
finish({ ok = ok, diagnostics = diagnostics })
