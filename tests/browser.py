"""Um Chromium sem tela, dirigido pelo protocolo DevTools — para testar o livro como um leitor.

Só o necessário: abrir uma página, esperar, rodar JavaScript, clicar, tirar uma foto e anotar todo pedido de
rede que a página fez. O navegador roda com a rede desligada (``--host-resolver-rules``), então um recurso
externo nunca carrega — e o pedido fica anotado em ``requests``, para o teste reclamar.

    with Chromium() as browser:
        browser.open(Path("_build/html/index.html"))
        browser.evaluate("document.title")
        browser.screenshot(Path("shot.png"))
"""

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import websocket

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
         "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]


def find_chromium():
    """Caminho do Chromium (ou Chrome) instalado, ou ``None``."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Chromium:
    """Um navegador sem tela com uma aba. ``requests`` lista as URLs que as páginas pediram."""

    def __init__(self, executable=None, width=1280, height=900, timeout=60):
        self.executable = executable or find_chromium()
        if self.executable is None:
            raise RuntimeError("Chromium não encontrado (no Debian: apt-get install chromium).")
        self.width, self.height, self.timeout = width, height, timeout
        self.requests, self.console_errors, self._events, self._id = [], [], [], 0

    def __enter__(self):
        self._profile = tempfile.mkdtemp(prefix="nn-chromium-")
        self._process = subprocess.Popen(
            [self.executable, *FLAGS, f"--user-data-dir={self._profile}", "--remote-debugging-port=0",
             f"--window-size={self.width},{self.height}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port = self._wait_for_port()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as answer:
            page = next(t for t in json.load(answer) if t["type"] == "page")
        self._ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=self.timeout,
                                               suppress_origin=True)
        for domain in ("Page", "Network", "Runtime"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride", width=self.width, height=self.height,
                  deviceScaleFactor=1, mobile=False)
        return self

    def __exit__(self, *exc):
        try:
            self._ws.close()
        finally:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
            shutil.rmtree(self._profile, ignore_errors=True)

    def _wait_for_port(self):
        marker = Path(self._profile) / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if marker.exists() and marker.read_text().strip():
                return int(marker.read_text().split()[0])
            if self._process.poll() is not None:
                raise RuntimeError(f"o Chromium saiu com código {self._process.returncode} ao abrir")
            time.sleep(0.05)
        raise RuntimeError("o Chromium não abriu a porta de depuração a tempo")

    def _record(self, message):
        method, params = message.get("method"), message.get("params", {})
        if method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            exception = details.get("exception", {}).get("description", details.get("text", ""))
            self.console_errors.append(f"{details.get('url', '?')}:{details.get('lineNumber')}: {exception}")
        self._events.append(message)

    def send(self, method, **params):
        """Chama um método do protocolo DevTools e devolve o seu ``result``."""
        self._id += 1
        self._ws.send(json.dumps({"id": self._id, "method": method, "params": params}))
        while True:
            message = json.loads(self._ws.recv())
            if message.get("id") == self._id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._record(message)

    def wait_for_event(self, method, timeout=None):
        deadline = time.monotonic() + (timeout or self.timeout)
        while time.monotonic() < deadline:
            if any(e.get("method") == method for e in self._events):
                self._events = [e for e in self._events if e.get("method") != method]
                return
            self._ws.settimeout(max(0.1, deadline - time.monotonic()))
            self._record(json.loads(self._ws.recv()))
        raise TimeoutError(f"{method} não chegou em {timeout or self.timeout} s")

    def open(self, path):
        """Abre um arquivo local e espera o evento ``load`` da página."""
        self.open_url(Path(path).resolve().as_uri())

    def open_url(self, url):
        """Abre um endereço (um arquivo, ou um servidor local em 127.0.0.1) e espera o ``load``."""
        self._events.clear()
        self.send("Page.navigate", url=url)
        self.wait_for_event("Page.loadEventFired")

    def evaluate(self, expression, await_promise=False):
        """Resultado (JSON) de uma expressão JavaScript na página."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=await_promise, timeout=self.timeout * 1000)
        if "exceptionDetails" in result:
            raise RuntimeError(f"JavaScript falhou: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_until(self, expression, timeout=None, interval=0.1):
        """Espera uma expressão JavaScript ficar verdadeira; devolve ``False`` se o tempo acabar."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while time.monotonic() < deadline:
            if self.evaluate(expression):
                return True
            time.sleep(interval)
        return False

    def screenshot(self, path):
        """Foto PNG do que está na tela agora."""
        data = self.send("Page.captureScreenshot", format="png")["data"]
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_bytes(base64.b64decode(data))


def chromium_or_skip():
    """Um ``Chromium`` para um teste; sem ele, o teste é pulado — ou falha no CI (``CI=true``)."""
    import pytest

    if find_chromium() is None:
        message = ("Chromium não instalado: `python3 course.py test` o instala com apt-get no Debian/Ubuntu "
                   "(como root); em outro sistema, instale o Chromium e rode de novo.")
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    return Chromium()
