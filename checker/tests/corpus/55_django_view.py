# expect-suggest: where=sweb
from concurrent.futures import ThreadPoolExecutor

from django.http import JsonResponse

EXECUTOR = ThreadPoolExecutor(max_workers=4)  # ok: executor-never-shut-down


def score(item: str) -> int:
    return len(item)


def scores(request):
    items = request.GET.getlist("item")
    futures = [EXECUTOR.submit(score, item) for item in items]  # ok: submit-result-dropped, loop-variable-captured
    return JsonResponse({"scores": [f.result() for f in futures]})


def shutdown() -> None:
    EXECUTOR.shutdown(wait=False, cancel_futures=True)
