"""O corretor: nota uma turma inteira com um comando.

    nn-grade ex_linear_regression entregas/*.ipynb --out notas/

Para cada entrega, o corretor:

1. lê o notebook com tolerância (UTF-8, UTF-8 com BOM, Windows-1252); um
   arquivo ilegível vira a linha ``invalid_notebook`` — nunca um zero calado;
2. monta o notebook de correção a partir da **cópia do professor**
   (``solutions/<exercício>.ipynb``, com as verificações ocultas; ou a versão do
   aluno, ``exercises/``, para um retorno só com as verificações públicas): só as
   células de resposta vêm da entrega, achadas pelo ``id``/``grade_id``
   estável ou, se o aluno recriou a célula, pelo nome da função que ela define;
3. executa tudo num kernel novo, com limite de tempo por célula, orçamento de
   tempo por entrega, limite de memória e de saída; cada célula de verificação
   reimporta as funções ``check_*`` logo antes de rodar, então redefini-las na
   entrega não muda nada;
4. registra, por verificação, pontos, situação e a mensagem em português.

Um kernel que morre é reiniciado uma vez; se morrer de novo, a entrega fica
com a situação ``kernel_died``. Nenhuma falha de uma entrega para o lote.
"""

import copy
import importlib.util
import os
import subprocess
import sys
import time
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat

from . import GRADING_ENV, HINTS_MIME
from .notebooks import NotebookError, classify, defined_names, read_notebook
from .release import make_exercise

__all__ = ["CheckResult", "Limits", "SubmissionResult", "build_grading_notebook",
           "grade_submission", "instructor_copy"]

# Situações de uma entrega (coluna ``status``).
GRADED, TIMEOUT, INVALID, KERNEL_DIED, GRADER_ERROR = (
    "graded", "timeout", "invalid_notebook", "kernel_died", "grader_error")


@dataclass
class Limits:
    """Limites de uma entrega: tempo por célula, orçamento total, memória e saída."""
    cell_timeout: float = 30.0     # segundos por célula
    budget: float = 120.0          # segundos por entrega, somando todas as células
    memory_mb: int = 2048          # memória virtual do kernel (Linux/macOS)
    max_output: int = 20_000       # caracteres de saída guardados por célula


@dataclass
class CheckResult:
    """O resultado de uma célula de verificação."""
    name: str
    max_score: float
    score: float = 0.0
    status: str = "not_run"        # passed | failed | timeout | not_run
    message: str = ""
    hints: list = field(default_factory=list)   # as dicas dadas: [{"id": ..., "text": ...}]


@dataclass
class SubmissionResult:
    """O resultado de uma entrega (uma linha de ``grades.csv``)."""
    submission: str
    exercise: str
    status: str = GRADED
    score: float = 0.0
    max_score: float = 0.0
    seconds: float = 0.0
    notes: list = field(default_factory=list)
    checks: list = field(default_factory=list)

    def to_dict(self):
        return asdict(self)


def instructor_copy(exercise, root=None):
    """A cópia do professor de um exercício: um caminho ``.ipynb`` ou um nome em ``solutions/``."""
    path = Path(exercise)
    if path.suffix != ".ipynb":
        root = Path(root) if root else Path.cwd()
        path = root / "solutions" / f"{exercise}.ipynb"
    return read_notebook(path), path.stem


def _defines(source):
    """O que o código define (veja ``notebooks.defined_names``); nada, se não for Python válido."""
    try:
        return defined_names(source)
    except SyntaxError:
        return []


def _find_answer(submission, grade_id, names):
    """A célula de resposta ``grade_id`` da entrega: pelo id/grade_id, senão pelo que ela define.

    ``names`` são as funções/variáveis que a célula da cópia do professor define;
    vale a última célula da entrega que define a primeira delas.
    """
    for cell in submission.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.get("cell_type") == "code" and grade_id in (cell.get("id"), meta.get("grade_id")):
            return cell
    wanted = names[0] if names else grade_id
    candidates = [c for c in submission.cells
                  if c.get("cell_type") == "code" and wanted in _defines(c.get("source", ""))]
    return candidates[-1] if candidates else None


def build_grading_notebook(instructor, submission, exercise_module):
    """O notebook que será executado, e a lista de avisos sobre a entrega.

    Células de resposta: da entrega (ou a versão em branco, se faltar). Todas as
    outras — inclusive as verificações, com as partes ocultas — da cópia do professor.
    """
    blank = make_exercise(instructor)
    has_checks = importlib.util.find_spec(f"nn_helpers.grading.{exercise_module}") is not None
    nb = copy.deepcopy(instructor)
    notes = []
    for k, cell in enumerate(nb.cells):
        role = classify(cell)
        solution = cell.get("metadata", {}).get("nbgrader", {})
        if role[0] == "readonly" and solution.get("solution"):
            # A versão do aluno (exercises/) como "cópia do professor": a resposta em branco
            # não tem os marcadores, mas os metadados dizem que é resposta. Só as verificações
            # públicas rodam — é o retorno que o workflow do aluno mostra.
            role = ("answer", solution["grade_id"])
        if role[0] == "answer":
            found = _find_answer(submission, role[1], _defines(cell.source))
            if found is None:
                notes.append(f"resposta `{role[1]}` não encontrada na entrega")
                cell.source = blank.cells[k].source
            else:
                cell.source = found.get("source", "")
                if isinstance(cell.source, list):
                    cell.source = "".join(cell.source)
        elif role[0] == "check" and has_checks:
            cell.source = (f"from nn_helpers.grading.{exercise_module} import {role[1]}\n"
                           + cell.source)
        if cell.cell_type == "code":
            cell.outputs = []
    return nb, notes


PREAMBLE = '''
import sys as _nn_sys
class _NNCappedStream:
    """Corta a saída depois de um limite, para um print sem fim não afogar o corretor."""
    def __init__(self, stream, limit):
        self._stream, self._left = stream, limit
    def write(self, text):
        if self._left > 0:
            piece = text[: self._left]
            self._left -= len(text)
            self._stream.write(piece if self._left > 0 else piece + "\\n[saída cortada pelo corretor]\\n")
        return len(text)
    def __getattr__(self, name):
        return getattr(self._stream, name)
_nn_sys.stdout = _NNCappedStream(_nn_sys.stdout, {limit})
_nn_sys.stderr = _NNCappedStream(_nn_sys.stderr, {limit})
del _NNCappedStream
'''

# O limite de memória é posto pelo próprio kernel, antes de qualquer célula: sem ``preexec_fn``,
# que roda Python entre o fork e o exec e não é seguro num processo com threads (o JAX tem).
MEMORY_PREAMBLE = '''
import resource as _nn_resource
_nn_resource.setrlimit(_nn_resource.RLIMIT_AS, ({cap}, {cap}))
del _nn_resource
'''


def _preamble(limits):
    """O código que o kernel executa antes da primeira célula: saída cortada e memória limitada."""
    code = PREAMBLE.format(limit=limits.max_output)
    if limits.memory_mb is not None and os.name == "posix":
        code += MEMORY_PREAMBLE.format(cap=int(limits.memory_mb) * 1024 * 1024)
    return code


def _kernel_env():
    env = os.environ.copy()
    # Um kernel por núcleo: BLAS com uma thread só, para as correções em paralelo não brigarem.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = "1"
    env["MPLBACKEND"] = "Agg"
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    env[GRADING_ENV] = "1"         # as verificações publicam os ids das dicas que derem
    return env


TIMED_OUT = "nn_grade_timed_out"     # marca, nos metadados, a célula interrompida pelo limite


def _error_of(cell):
    """O primeiro erro de uma célula executada (``None`` se não houve)."""
    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    return errors[0] if errors else None


async def _connect(km, timeout=60.0):
    """O cliente de um kernel recém-iniciado, pronto para executar.

    É o ``wait_for_ready`` do ``jupyter_client`` sem a espera fixa do fim (0,2 s a cada kernel,
    esvaziando o canal de saída): as mensagens que sobram ali são de outros pedidos, e o nbclient
    já descarta o que não é resposta à célula que executa.
    """
    from queue import Empty

    kc = km.client()
    kc.start_channels()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        kc.kernel_info()
        try:
            reply = await kc.shell_channel.get_msg(timeout=1)
            # Chegou a resposta; uma mensagem no canal de saída prova que ele está ligado.
            if reply["msg_type"] == "kernel_info_reply":
                await kc.iopub_channel.get_msg(timeout=0.2)
                return kc
        except Empty:
            if not await km.is_alive():
                break
    kc.stop_channels()
    raise RuntimeError("o kernel não respondeu ao ser iniciado")


async def _stop(km, kc):
    """Mata o kernel e todo o seu grupo de processos, espera o fim (sem as pausas fixas de 0,1 s
    do ``shutdown_kernel``) e fecha canais e arquivos de conexão."""
    import signal

    process = getattr(km.provisioner, "process", None)
    if process is not None and process.poll() is None:
        await km.provisioner.send_signal(getattr(signal, "SIGKILL", signal.SIGTERM))
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            await km.shutdown_kernel(now=True)
    if kc is not None:
        kc.stop_channels()
    await km.cleanup_resources()


def _run(nb, limits, workdir):
    """Executa ``nb`` inteiro, em ordem, num kernel novo. Retorna ``(nb, morreu, sem_orçamento)``.

    Uma célula que passa de ``limits.cell_timeout`` é interrompida e marcada com
    ``metadata[TIMED_OUT]``; as seguintes rodam normalmente. Quem decide se houve
    tempo esgotado é o relógio, não o erro da célula: um ``KeyboardInterrupt`` que
    o próprio aluno levanta é um erro comum.
    """
    from jupyter_core.utils import run_sync
    from nbclient import NotebookClient
    from nbclient.exceptions import DeadKernelError

    client = NotebookClient(
        nb, timeout=limits.cell_timeout, kernel_name="python3", allow_errors=True,
        interrupt_on_timeout=True, record_timing=False, shutdown_kernel="immediate",
        error_on_timeout={"ename": "CellTimeoutError",
                          "evalue": f"a célula passou de {limits.cell_timeout:g} s e foi interrompida",
                          "traceback": []},
        resources={"metadata": {"path": str(workdir)}})
    start = time.monotonic()
    out_of_budget = False
    # O preâmbulo entra como a primeira célula e sai depois: executá-lo "fora" do notebook,
    # com um índice qualquer, faria o nbclient gravá-lo por cima de uma célula de verdade.
    nb.cells.insert(0, nbformat.v4.new_code_cell(_preamble(limits)))
    client.km = client.create_kernel_manager()
    # stderr do processo do kernel (avisos do próprio Jupyter) não é da entrega: descartado.
    client.start_new_kernel(env=_kernel_env(), stderr=subprocess.DEVNULL)
    try:
        client.kc = run_sync(_connect)(client.km)
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            if time.monotonic() - start > limits.budget:
                out_of_budget = True
                break
            began = time.monotonic()
            client.execute_cell(cell, index)
            if time.monotonic() - began >= limits.cell_timeout:
                cell.metadata[TIMED_OUT] = True
        died = False
    except DeadKernelError:
        died = True
    finally:
        run_sync(_stop)(client.km, client.kc)
    nb.cells.pop(0)
    return nb, died, out_of_budget


def _raised(error):
    """``ValueError: a mensagem`` — ou ``ValueError (sem mensagem)``: nunca uma nota vazia."""
    evalue = (error.get("evalue") or "").strip()
    return f"{error.get('ename')}: {evalue}" if evalue else f"{error.get('ename')} (sem mensagem)"


def _hints_of(cell):
    """As dicas da falha de uma verificação: a última publicação da célula (veja ``checking.fail``)."""
    published = [o["data"][HINTS_MIME] for o in cell.get("outputs", [])
                 if o.get("output_type") == "display_data" and HINTS_MIME in o.get("data", {})]
    return list(published[-1]) if published else []


def _message(error):
    """A mensagem para o aluno: só ``ename: evalue``, nunca o código de uma verificação."""
    evalue = (error.get("evalue") or "").strip()
    if error.get("ename") == "AssertionError":
        return evalue or "uma verificação oculta falhou."
    return _raised(error)


def _cell_name(cell, index):
    role = classify(cell)
    if role[0] == "answer":
        return f"de resposta `{role[1]}`"
    if role[0] == "check":
        return f"de verificação `{role[1]}`"
    return f"{index + 1} do notebook"


def _collect(nb, exercise, submission_name, notes, limits):
    result = SubmissionResult(submission=submission_name, exercise=exercise, notes=list(notes))
    too_long = (f"passou do limite de {limits.cell_timeout:g} s por célula e foi interrompida"
                if limits else "")
    for index, cell in enumerate(nb.cells):
        timed_out = cell.get("metadata", {}).get(TIMED_OUT, False)
        if timed_out:
            result.notes.append(f"a célula {_cell_name(cell, index)} {too_long}")
        meta = cell.get("metadata", {}).get("nbgrader", {})
        error = _error_of(cell) if meta.get("solution") and not timed_out else None
        if error:
            result.notes.append(f"a célula de resposta `{meta['grade_id']}` levantou "
                                f"{_raised(error)[:160]}")
        role = classify(cell)
        if role[0] != "check":
            continue
        check = CheckResult(name=role[1], max_score=role[2])
        result.max_score += role[2]
        if cell.get("execution_count") is None and not cell.get("outputs") and not timed_out:
            check.status, check.message = "not_run", "não executada"
        elif timed_out:
            check.status = "timeout"
            check.message = f"Tempo esgotado: a célula {too_long}. Há um laço sem fim?"
        else:
            error = _error_of(cell)
            if error is None:
                check.status, check.score = "passed", role[2]
                check.message = "".join(o.get("text", "") for o in cell.outputs
                                        if o.get("name") == "stdout").strip()[-500:]
            else:
                check.status, check.message = "failed", _message(error)
                check.hints = _hints_of(cell)
        result.score += check.score
        result.checks.append(check)
    return result


def grade_submission(path, instructor, exercise, limits=None):
    """Corrige uma entrega. Nunca levanta: qualquer falha vira uma situação no resultado.

    path: a entrega (.ipynb); instructor: a cópia do professor (notebook lido);
    exercise: o nome do exercício (``ex_linear_regression``).
    Retorna um :class:`SubmissionResult`.
    """
    start = time.monotonic()
    result = _grade(Path(path), instructor, exercise, limits or Limits())
    result.seconds = round(time.monotonic() - start, 3)
    return result


def _grade(path, instructor, exercise, limits):
    try:
        try:
            submission = read_notebook(path)
        except (NotebookError, OSError) as exc:
            result = _collect(nbformat.v4.new_notebook(cells=[c for c in instructor.cells]),
                              exercise, path.name, [str(exc)], None)
            for check in result.checks:
                check.message = "não avaliada: o notebook não pôde ser lido"
            result.status = INVALID
            return result
        nb, notes = build_grading_notebook(instructor, submission, exercise)
        for attempt in (1, 2):
            executed, died, out_of_budget = _run(copy.deepcopy(nb), limits, path.parent)
            if not died:
                break
            notes.append(f"o kernel morreu (tentativa {attempt} de 2)")
        result = _collect(executed, exercise, path.name, notes, limits)
        timed_out = any(c.get("metadata", {}).get(TIMED_OUT) for c in executed.cells)
        if died:
            result.status = KERNEL_DIED
        elif out_of_budget or timed_out:
            result.status = TIMEOUT
            if out_of_budget:
                result.notes.append(f"orçamento de {limits.budget:g} s por entrega esgotado")
        return result
    except Exception as exc:  # um defeito do corretor não pode derrubar o lote
        return SubmissionResult(submission=path.name, exercise=exercise, status=GRADER_ERROR,
                                notes=[f"erro interno do corretor: {type(exc).__name__}: {exc}"])
