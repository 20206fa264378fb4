#!/usr/bin/env python3
"""Os comandos do curso — um só arquivo, sem nada instalado antes além do Python 3.11+.

    python3 course.py book      # prepara o ambiente e constrói o livro em _build/html
    python3 course.py test      # prepara o ambiente e roda todos os testes
    python3 course.py release   # regenera exercises/ (de solutions/) e book/*.ipynb (de book/*.md)
    python3 course.py lab       # abre o JupyterLab: capítulos em book/*.ipynb, exercícios em exercises/
    python3 course.py check-repository URL   # _config.yml aponta para este repositório? (publicação)
    python3 course.py chapter 06   # executa só um capítulo e lista as saídas em _build/chapters/

"Preparar o ambiente" = criar ``.venv`` e instalar ``requirements.txt`` nele
(só na primeira vez, ou quando ``requirements.txt``/``pyproject.toml`` mudam).
Argumentos extras são repassados: ``python3 course.py test -k mse``.
"""

import hashlib
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".requirements-sha256"
SHARED_DATA = ROOT.parent / "shared" / "data"


def say(message):
    print(f"[course] {message}", flush=True)


def venv_bin(name):
    folder = "Scripts" if os.name == "nt" else "bin"
    suffix = ".exe" if os.name == "nt" else ""
    return VENV / folder / (name + suffix)


def requirements_hash():
    digest = hashlib.sha256()
    for name in ("requirements.txt", "pyproject.toml"):
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def setup():
    """Cria o ambiente virtual e instala as dependências, se preciso."""
    if sys.version_info < (3, 11):
        sys.exit(f"[course] Este curso precisa do Python 3.11 ou mais novo "
                 f"(você está usando {sys.version.split()[0]}).")
    python = venv_bin("python")
    if not python.exists():
        say(f"criando o ambiente virtual em {VENV} ...")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    wanted = requirements_hash()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        say("instalando as dependências (requirements.txt) ...")
        pip = [str(python), "-m", "pip", "--disable-pip-version-check"]
        run(pip + ["install", "-qq", "--upgrade", "pip"])
        run(pip + ["install", "-qq", "-r", "requirements.txt"])
        STAMP.write_text(wanted)
    return python


def environment():
    """Variáveis para os comandos: o kernel do .venv e o cache de dados verificados."""
    env = os.environ.copy()
    env["JUPYTER_PREFER_ENV_PATH"] = "1"     # o kernel "python3" do .venv, não o do usuário
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    # As contas do livro e dos testes usam matrizes pequenas: BLAS com várias threads só disputa
    # os núcleos (medido: capítulos 10x mais lentos numa máquina de 2 núcleos carregada).
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env.setdefault(var, "1")
    if "NN_HELPERS_DATA" not in env and SHARED_DATA.is_dir():
        env["NN_HELPERS_DATA"] = str(SHARED_DATA)
    if "NN_HELPERS_DATA" in env:
        say(f"dados de {env['NN_HELPERS_DATA']}")
    bindir = str(venv_bin("python").parent)
    env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
    env["VIRTUAL_ENV"] = str(VENV)
    return env


def ensure_chromium():
    """O teste do livro no navegador precisa de um Chromium; no Debian/Ubuntu, como root, instala-o."""
    if any(shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")):
        return
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    sudo = [] if root else ["sudo", "-n"]
    if shutil.which("apt-get") and (root or shutil.which("sudo")):
        say("instalando o Chromium (apt-get), para o teste do livro no navegador")
        apt = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run([*sudo, "apt-get", "update", "-qq"], env=apt, check=False)
        subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"],
                       env=apt, check=False, stdout=subprocess.DEVNULL)
    if not shutil.which("chromium"):
        say("Chromium não encontrado: o teste do livro no navegador será pulado "
            "(instale o pacote chromium para rodá-lo; no CI ele é obrigatório)")


def run(command, env=None):
    result = subprocess.run(command, cwd=ROOT, env=env)
    if result.returncode != 0:
        sys.exit(result.returncode)


def check_repository(expected):
    """Confere se ``repository: url:`` de _config.yml é ``expected`` (o workflow de publicação usa)."""
    text = (ROOT / "_config.yml").read_text(encoding="utf-8")
    found = re.search(r"^repository:\s*\n\s+url:\s*(\S+)", text, re.MULTILINE)
    url = found.group(1).rstrip("/") if found else None
    if url is None or url.lower() != expected.rstrip("/").lower():   # o GitHub ignora maiúsculas
        print(f"_config.yml diz `repository: url: {url}`, mas este repositório é {expected}.\n"
              "Troque o endereço em _config.yml e rode `python3 course.py release` (os links do Colab, "
              "do Binder e a instalação do nn_helpers nos notebooks saem dele).", file=sys.stderr)
        return 1
    say(f"repositório: {url}")
    return 0


def main(argv):
    if argv[:1] == ["check-repository"] and len(argv) == 2:
        return check_repository(argv[1])
    if not argv or argv[0] not in ("book", "test", "release", "lab", "chapter"):
        print(__doc__)
        return 2
    task, extra = argv[0], argv[1:]
    python = str(setup())
    env = environment()
    if task == "book":
        # um termo por conceito (book/glossary.md): uma variante proibida derruba o build
        run([python, "-m", "pytest", "-q", "-n", "0", "tests/test_glossary.py"], env)
        # exercises/ e book/*.ipynb são gerados: regenera o que estiver desatualizado
        run([python, "-m", "nn_helpers.grading.release"], env)
        run([str(venv_bin("jupyter-book")), "build", ".", "--warningiserror",
             "--keep-going", *extra], env)
        say(f"livro pronto: {ROOT / '_build' / 'html' / 'index.html'}")
    elif task == "test":
        ensure_chromium()
        run([python, "-m", "pytest", *extra], env)
    elif task == "release":
        run([python, "-m", "nn_helpers.grading.release", *extra], env)
    elif task == "chapter":
        run([python, str(ROOT / "tests" / "chapter.py"), *extra], env)
    elif task == "lab":
        run([str(venv_bin("jupyter")), "lab", *extra], env)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
